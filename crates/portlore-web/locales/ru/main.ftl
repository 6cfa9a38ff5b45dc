# Сообщения сайта portlore, русский.

## Chrome
skip = Перейти к содержимому
search-label = Поиск портов, служб и угроз
search-placeholder = 3147, rfio, MyDoom…
search-button = Найти
lang-label = Язык
nav-home = Главная
nav-ports = Все порты
nav-recent = Недавние изменения
footer-text = Сведения реестра берутся только из реестра IANA. Редакционные заметки ссылаются на источники. Без cookie и без слежки.
footer-registry = Реестр IANA имён служб и номеров портов транспортных протоколов, обновлён { $date }.
crumbs-label = Навигационная цепочка
crumb-ports = Порты

## Port page
title-port = Порт { $port }
title-port-service = Порт { $port } ({ $service })
desc-port = Для чего нужен порт { $port }: назначение IANA, история, угрозы и как проверить, что его слушает.
bar-label = Порт { $port } в диапазоне 0–65535
range-system = Системные порты
range-user = Зарегистрированные порты
range-dynamic = Динамические порты
range-system-text = Системные (общеизвестные) порты — от { $start } до { $end }. В Linux и других Unix-подобных системах по умолчанию слушать их может только root, а IANA назначает их после рассмотрения в IETF.
range-user-text = Пользовательские (зарегистрированные) порты — от { $start } до { $end }. Слушать их может любой процесс; регистрация в IANA — это заявка, а не запрет для других.
range-dynamic-text = Динамические и частные порты — от { $start } до { $end }. IANA их никогда не назначает; системы берут отсюда исходящие порты, и слушать здесь может что угодно.
range-ephemeral = Входит в эфемерный диапазон по умолчанию: { $systems }.
badge-system = системный диапазон
badge-user = зарегистрированный диапазон
badge-dynamic = динамический диапазон
badge-assigned = IANA: назначен
badge-reserved = IANA: зарезервирован
badge-unassigned = IANA: не назначен
badge-other = IANA: указан без службы
badge-no-registry = IANA: реестр не загружен
badge-deassigned = назначение отозвано
badge-threat = история угроз
badge-exposure = риск открытого доступа
badge-unofficial = неофициальное использование
badge-ephemeral = эфемерный в некоторых системах
verdict-no-registry = На этом сервере нет копии реестра IANA, поэтому назначение здесь неизвестно.
verdict-assigned-by = Зарегистрирован в IANA: { $org }.
verdict-assigned = Зарегистрирован в IANA.
verdict-reserved = Зарезервирован IANA: ничто не должно его использовать.
verdict-dynamic = В динамическом диапазоне: IANA его не назначает, системы используют его для кратковременных клиентских портов.
verdict-unassigned = Не назначен IANA: то, что здесь слушает, выбрало номер само.
verdict-retired = В заметках { $title } отмечен как «{ $status }».
verdict-threat-port = { $name } ({ $year }) использовал этот порт.
verdict-threat-range = { $name } ({ $year }) использовал диапазон { $range }.
verdict-exposure = { $service } нельзя открывать в интернет.
iana-title = Реестр IANA
iana-source = Источник: реестр IANA, обновлён { $date }
iana-none = Ни одна запись IANA не охватывает этот порт.
iana-missing = На этом сервере нет копии реестра IANA, поэтому назначения не показаны. Установите его командой portlore update.
iana-any-transport = любой транспорт
iana-ports = порты { $ports }
iana-unauthorized = Сообщения о несанкционированном использовании
iana-service-code = Код службы
iana-english = Описания и примечания приводятся из реестра на английском.
col-description = Описание
col-assignee = Владелец
col-contact = Контакт
col-registered = Зарегистрирован
col-modified = Изменён
col-references = Ссылки
col-notes = Примечание
col-port = Порт
col-service = Служба
col-status = Статус
col-date = Дата
col-change = Изменение
curated-english = Заметки ниже написаны по-английски и пока не переведены.
history-title = История
note-status = Статус: { $status }
note-made-by = разработчик: { $who }
note-today = Сегодня:
status-active = используется
status-legacy = устаревший
status-retired = выведен из употребления
status-never-deployed = так и не внедрён
status-unknown = неизвестно
security-title = Безопасность
threat-history-note = Это история: здесь сказано, что вредоносные программы и атакующие когда-то делали с этим портом, а не что работает на нём в вашей сети.
threat-line = { $kind }, впервые замечен в { $year } году
threat-use = { $role }: { $range } ({ $transports })
kind-worm = червь
kind-trojan = троян
kind-backdoor = бэкдор
kind-rat = троян удалённого доступа
kind-botnet = ботнет
kind-ransomware = вымогатель
kind-scanner = сканер
kind-miner = майнер
kind-c2-framework = C2-фреймворк
kind-exploitation = кампания эксплуатации уязвимости
kind-ics-malware = вредоносное ПО для АСУ ТП
kind-other = другая угроза
role-listening-backdoor = слушающий бэкдор
role-scanning-target = цель сканирования
role-c2 = управление (C2)
role-propagation = распространение
role-exfiltration = кража данных
role-amplification = атаки с усилением
role-other = другое использование
exposure-title = { $service } нельзя открывать в интернет
severity-critical = критический
severity-high = высокий риск
severity-medium = средний риск
exposure-advice = Что делать
unofficial-title = Также встречается на этом порту
unofficial-mark = не назначение IANA
check-title = Проверьте сами
check-intro = Команды, показывающие, что слушает порт { $port }:
check-network = С другой машины
why-title = Почему это важно
why-assigned-system = Порт { $port } — системный порт с назначением IANA: межсетевые экраны, сканеры и люди ожидают здесь эту службу, поэтому всё остальное на нём стоит проверить.
why-assigned-user = Порт { $port } зарегистрирован, но регистрация ничего не запрещает: слушать его может любая программа, и многие так делают.
why-assigned-dormant = Порт { $port } зарегистрирован для протокола, который больше не используется, поэтому трафик на нём сегодня — скорее всего что-то другое.
why-reserved = Порт { $port } зарезервирован: ни одна законная служба не должна его слушать, поэтому процесс на нём стоит расследовать.
why-unassigned = У порта { $port } нет назначения IANA: использующая его программа выбрала номер сама, и реестр не скажет, что это.
why-dynamic = Порт { $port } в динамическом диапазоне: на исходящих соединениях это нормально, но долгоживущий слушатель здесь кем-то настроен.
why-threat = { $count ->
    [one] Вредоносная программа использовала порт { $port }, поэтому средства защиты могут его отмечать; проверьте процесс-владелец, прежде чем беспокоиться.
    [few] { $count } семейства вредоносных программ использовали порт { $port }, поэтому средства защиты могут его отмечать; проверьте процесс-владелец, прежде чем беспокоиться.
   *[other] { $count } семейств вредоносных программ использовали порт { $port }, поэтому средства защиты могут его отмечать; проверьте процесс-владелец, прежде чем беспокоиться.
}
why-exposure = Службы на порту { $port } атаковали, когда они были доступны из интернета: держите его за межсетевым экраном.
why-unofficial = Известные программы используют порт { $port } без назначения IANA, поэтому один лишь реестр введёт вас в заблуждение.
why-ephemeral = Некоторые ОС выдают порт { $port } исходящим соединениям, поэтому кратковременный трафик на нём обычно безвреден.
why-quiet = О порте { $port } ничего примечательного не известно: если его что-то слушает, надёжный ответ даст только сам процесс.
related-title = Связанные порты
rel-same-service = та же служба
rel-sibling-service = родственная служба
rel-same-threat = также использовал { $name }
rel-neighbour = соседний
refs-title = Источники
ref-checked = проверено { $date }
vote-title = Была ли эта страница полезной?
vote-unhelpful = Бесполезна
vote-neutral = Отчасти полезна
vote-helpful = Полезна
vote-thanks = Спасибо за отзыв.

## Home
home-title = Что на этом порту?
home-intro = Найдите любой из 65 536 портов: его назначение IANA, историю, вредоносные программы, которые его использовали, и как проверить, что его слушает.
home-examples = Например:
home-stats = Портов хотя бы с одним назначением IANA: { $assigned }.
map-title = Карта пространства портов
map-label = Карта всех 65 536 портов: 256 блоков по 256 портов
map-legend-density = чем темнее блок, тем больше в нём назначенных портов
map-legend-threat = с обводкой: вредоносная программа использовала порт из блока
map-legend-blocks = Каждый блок ведёт к списку своих 256 портов.

## Index
ports-title = Все порты
ports-intro = 65 536 портов, по 256 на странице. Каждое число открывает страницу, которая с него начинается.
block-title = Порты { $start }–{ $end }
block-summary = Портов с назначением IANA в этом блоке: { $assigned }. { $threat ->
    [0] {""}
   *[other] Из них использовались вредоносными программами: { $threat }.
}
index-no-assignment = нет назначения
pager-label = Страницы
page-prev = Назад
page-next = Вперёд
page-of = Страница { $page } из { $pages }

## Search
search-title = Поиск
search-title-q = Поиск: { $q }
search-count = Найдено по запросу «{ $q }»: { $count }.
search-none = По запросу «{ $q }» ничего не найдено. Попробуйте номер порта, имя службы IANA, организацию или название вредоносной программы.
search-go-port = Перейти к порту { $port }
search-empty = Ищите по номеру порта, имени службы IANA, организации, программе или названию вредоносной программы.
hit-service = служба IANA
hit-threat = угроза
hit-unofficial = неофициальное использование
hit-note = заметка

## Recent
recent-title = Недавние изменения в реестре IANA
recent-intro = Записи реестра по последней дате регистрации или изменения, сначала новые.
recent-registered = зарегистрирован
recent-modified = изменён

## Errors
err-404-title = Страница не найдена
err-400-title = Неверный запрос
err-port-range = { $input } — не порт: номера портов идут от 0 до 65535.
err-port-form = «{ $input }» — не номер порта.
err-port-forms = Страницы портов находятся по адресам от /{ $lang }/ports/0 до /{ $lang }/ports/65535, например /{ $lang }/ports/3147.
err-block = «{ $input }» — не страница указателя.
err-block-forms = Страницы указателя — от /{ $lang }/blocks/0 до /{ $lang }/blocks/255.
err-lang = «{ $input }» — не язык этого сайта.
err-lang-forms = Языки: { $langs }.
err-query = Поисковый запрос ограничен { $max } символами текста.
err-query-forms = Попробуйте запрос короче: /{ $lang }/search?q=rfio.
err-notfound = По этому адресу страницы нет.
err-encoding = Этот адрес не является корректным текстом: после декодирования в нём есть байты, не являющиеся UTF-8.
