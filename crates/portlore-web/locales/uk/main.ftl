# Повідомлення сайту portlore, українська.

## Chrome
skip = Перейти до вмісту
search-label = Пошук портів, служб і загроз
search-placeholder = 3147, rfio, MyDoom…
search-button = Шукати
lang-label = Мова
nav-home = Головна
nav-ports = Усі порти
nav-recent = Нещодавні зміни
footer-text = Дані реєстру беруться лише з реєстру IANA. Редакційні нотатки посилаються на джерела. Без cookie і без стеження.
footer-registry = Реєстр IANA імен служб і номерів портів транспортних протоколів, оновлено { $date }.
crumbs-label = Навігаційний ланцюжок
crumb-ports = Порти

## Port page
title-port = Порт { $port }
title-port-service = Порт { $port } ({ $service })
desc-port = Для чого порт { $port }: призначення IANA, історія, загрози та як перевірити, що його слухає.
bar-label = Порт { $port } у діапазоні 0–65535
range-system = Системні порти
range-user = Зареєстровані порти
range-dynamic = Динамічні порти
range-system-text = Системні (загальновідомі) порти — від { $start } до { $end }. У Linux та інших Unix-подібних системах за замовчуванням слухати їх може лише root, а IANA призначає їх після розгляду в IETF.
range-user-text = Користувацькі (зареєстровані) порти — від { $start } до { $end }. Слухати їх може будь-який процес; реєстрація в IANA — це заявка, а не заборона для інших.
range-dynamic-text = Динамічні та приватні порти — від { $start } до { $end }. IANA їх ніколи не призначає; системи беруть звідси вихідні порти, і слухати тут може будь-що.
range-ephemeral = Входить до типового ефемерного діапазону: { $systems }.
badge-system = системний діапазон
badge-user = зареєстрований діапазон
badge-dynamic = динамічний діапазон
badge-assigned = IANA: призначено
badge-reserved = IANA: зарезервовано
badge-unassigned = IANA: не призначено
badge-other = IANA: указано без служби
badge-no-registry = IANA: реєстр не завантажено
badge-deassigned = призначення відкликано
badge-threat = історія загроз
badge-exposure = ризик відкритого доступу
badge-unofficial = неофіційне використання
badge-ephemeral = ефемерний у деяких системах
verdict-no-registry = На цьому сервері немає копії реєстру IANA, тож призначення тут невідоме.
verdict-assigned-by = Зареєстровано в IANA: { $org }.
verdict-assigned = Зареєстровано в IANA.
verdict-reserved = Зарезервовано IANA: ніщо не повинно його використовувати.
verdict-dynamic = У динамічному діапазоні: IANA його не призначає, системи використовують його для короткочасних клієнтських портів.
verdict-unassigned = Не призначено IANA: те, що тут слухає, обрало номер саме.
verdict-retired = У нотатках { $title } позначено як «{ $status }».
verdict-threat-port = { $name } ({ $year }) використовував цей порт.
verdict-threat-range = { $name } ({ $year }) використовував діапазон { $range }.
verdict-exposure = { $service } не можна відкривати в інтернет.
iana-title = Реєстр IANA
iana-source = Джерело: реєстр IANA, оновлено { $date }
iana-none = Жоден запис IANA не охоплює цей порт.
iana-missing = На цьому сервері немає копії реєстру IANA, тож призначення не показано. Встановіть його командою portlore update.
iana-any-transport = будь-який транспорт
iana-ports = порти { $ports }
iana-unauthorized = Повідомлення про несанкціоноване використання
iana-service-code = Код служби
iana-english = Описи та примітки наведено з реєстру англійською.
col-description = Опис
col-assignee = Власник
col-contact = Контакт
col-registered = Зареєстровано
col-modified = Змінено
col-references = Посилання
col-notes = Примітка
col-port = Порт
col-service = Служба
col-status = Статус
col-date = Дата
col-change = Зміна
curated-english = Нотатки нижче написано англійською, їх ще не перекладено.
history-title = Історія
note-status = Статус: { $status }
note-made-by = розробник: { $who }
note-today = Сьогодні:
status-active = використовується
status-legacy = застарілий
status-retired = виведений з ужитку
status-never-deployed = так і не впроваджений
status-unknown = невідомо
security-title = Безпека
threat-history-note = Це історія: тут сказано, що шкідливі програми й зловмисники колись робили з цим портом, а не що працює на ньому у вашій мережі.
threat-line = { $kind }, уперше помічено в { $year } році
threat-use = { $role }: { $range } ({ $transports })
kind-worm = хробак
kind-trojan = троян
kind-backdoor = бекдор
kind-rat = троян віддаленого доступу
kind-botnet = ботнет
kind-ransomware = вимагач
kind-scanner = сканер
kind-miner = майнер
kind-c2-framework = C2-фреймворк
kind-exploitation = кампанія експлуатації вразливості
kind-ics-malware = шкідливе ПЗ для АСУ ТП
kind-other = інша загроза
role-listening-backdoor = бекдор, що слухає
role-scanning-target = ціль сканування
role-c2 = керування (C2)
role-propagation = поширення
role-exfiltration = крадіжка даних
role-amplification = атаки з підсиленням
role-other = інше використання
exposure-title = { $service } не можна відкривати в інтернет
severity-critical = критичний
severity-high = високий ризик
severity-medium = середній ризик
exposure-advice = Що робити
unofficial-title = Також трапляється на цьому порту
unofficial-mark = не призначення IANA
check-title = Перевірте самі
check-intro = Команди, що показують, що слухає порт { $port }:
check-network = З іншої машини
why-title = Чому це важливо
why-assigned-system = Порт { $port } — системний порт із призначенням IANA: міжмережеві екрани, сканери й люди очікують тут цю службу, тож усе інше на ньому варто перевірити.
why-assigned-user = Порт { $port } зареєстровано, але реєстрація нічого не забороняє: слухати його може будь-яка програма, і багато хто так робить.
why-assigned-dormant = Порт { $port } зареєстровано для протоколу, який більше не використовується, тож трафік на ньому сьогодні — найімовірніше щось інше.
why-reserved = Порт { $port } зарезервовано: жодна законна служба не повинна його слухати, тож процес на ньому варто розслідувати.
why-unassigned = Порт { $port } не має призначення IANA: програма, що його використовує, обрала номер сама, і реєстр не скаже, що це.
why-dynamic = Порт { $port } у динамічному діапазоні: на вихідних з'єднаннях це нормально, але довготривалого слухача тут хтось налаштував.
why-threat = { $count ->
    [one] Шкідлива програма використовувала порт { $port }, тож засоби захисту можуть його позначати; перевірте процес-власник, перш ніж хвилюватися.
    [few] { $count } родини шкідливих програм використовували порт { $port }, тож засоби захисту можуть його позначати; перевірте процес-власник, перш ніж хвилюватися.
   *[other] { $count } родин шкідливих програм використовували порт { $port }, тож засоби захисту можуть його позначати; перевірте процес-власник, перш ніж хвилюватися.
}
why-exposure = Служби на порту { $port } атакували, коли вони були доступні з інтернету: тримайте його за міжмережевим екраном.
why-unofficial = Відомі програми використовують порт { $port } без призначення IANA, тож сам лише реєстр вас введе в оману.
why-ephemeral = Деякі ОС видають порт { $port } вихідним з'єднанням, тож короткочасний трафік на ньому зазвичай нешкідливий.
why-quiet = Про порт { $port } нічого примітного не відомо: якщо його щось слухає, надійну відповідь дасть лише сам процес.
related-title = Пов'язані порти
rel-same-service = та сама служба
rel-sibling-service = споріднена служба
rel-same-threat = також використовував { $name }
rel-neighbour = сусідній
refs-title = Джерела
ref-checked = перевірено { $date }
vote-title = Чи була ця сторінка корисною?
vote-unhelpful = Некорисна
vote-neutral = Частково корисна
vote-helpful = Корисна
vote-thanks = Дякуємо за відгук.

## Home
home-title = Що на цьому порту?
home-intro = Знайдіть будь-який із 65 536 портів: його призначення IANA, історію, шкідливі програми, що його використовували, і як перевірити, що його слухає.
home-examples = Наприклад:
home-stats = Портів хоча б з одним призначенням IANA: { $assigned }.
map-title = Мапа простору портів
map-label = Мапа всіх 65 536 портів: 256 блоків по 256 портів
map-legend-density = що темніший блок, то більше в ньому призначених портів
map-legend-threat = з обведенням: шкідлива програма використовувала порт із блоку
map-legend-blocks = Кожен блок веде до списку своїх 256 портів.

## Index
ports-title = Усі порти
ports-intro = 65 536 портів, по 256 на сторінці. Кожне число відкриває сторінку, що з нього починається.
block-title = Порти { $start }–{ $end }
block-summary = Портів із призначенням IANA в цьому блоці: { $assigned }. { $threat ->
    [0] {""}
   *[other] З них використовувалися шкідливими програмами: { $threat }.
}
index-no-assignment = немає призначення
pager-label = Сторінки
page-prev = Назад
page-next = Далі
page-of = Сторінка { $page } з { $pages }

## Search
search-title = Пошук
search-title-q = Пошук: { $q }
search-count = Знайдено за запитом «{ $q }»: { $count }.
search-none = За запитом «{ $q }» нічого не знайдено. Спробуйте номер порту, назву служби IANA, організацію або назву шкідливої програми.
search-go-port = Перейти до порту { $port }
search-empty = Шукайте за номером порту, назвою служби IANA, організацією, програмою або назвою шкідливої програми.
hit-service = служба IANA
hit-threat = загроза
hit-unofficial = неофіційне використання
hit-note = нотатка

## Recent
recent-title = Нещодавні зміни в реєстрі IANA
recent-intro = Записи реєстру за останньою датою реєстрації чи зміни, спершу новіші.
recent-registered = зареєстровано
recent-modified = змінено

## Errors
err-404-title = Сторінку не знайдено
err-400-title = Неправильний запит
err-port-range = { $input } — не порт: номери портів ідуть від 0 до 65535.
err-port-form = «{ $input }» — не номер порту.
err-port-forms = Сторінки портів розташовані за адресами від /{ $lang }/ports/0 до /{ $lang }/ports/65535, наприклад /{ $lang }/ports/3147.
err-block = «{ $input }» — не сторінка покажчика.
err-block-forms = Сторінки покажчика — від /{ $lang }/blocks/0 до /{ $lang }/blocks/255.
err-lang = «{ $input }» — не мова цього сайту.
err-lang-forms = Мови: { $langs }.
err-query = Пошуковий запит обмежено { $max } символами тексту.
err-query-forms = Спробуйте коротший запит: /{ $lang }/search?q=rfio.
err-notfound = За цією адресою сторінки немає.
err-encoding = Ця адреса не є коректним текстом: після декодування в ній є байти, що не є UTF-8.
