# Mensagens do site portlore, português.

## Chrome
skip = Ir para o conteúdo
search-label = Pesquisar portas, serviços e ameaças
search-placeholder = 3147, rfio, MyDoom…
search-button = Pesquisar
lang-label = Idioma
nav-home = Início
nav-ports = Todas as portas
nav-recent = Alterações recentes
footer-text = Os dados do registo vêm apenas do registo da IANA. As notas redigidas citam as suas fontes. Sem cookies, sem rastreio.
footer-registry = Registo da IANA de nomes de serviço e números de porta de protocolo de transporte, atualizado em { $date }.
crumbs-label = Navegação estrutural
crumb-ports = Portas

## Port page
title-port = Porta { $port }
title-port-service = Porta { $port } ({ $service })
desc-port = Para que serve a porta { $port }: a sua atribuição IANA, história, ameaças e como verificar o que está à escuta.
bar-label = Porta { $port } no intervalo 0–65535
range-system = Portas de sistema
range-user = Portas registadas
range-dynamic = Portas dinâmicas
range-system-text = As portas de sistema (bem conhecidas) vão de { $start } a { $end }. No Linux e noutros sistemas do tipo Unix, por omissão só o root pode escutar nelas, e a IANA atribui-as após revisão do IETF.
range-user-text = As portas de utilizador (registadas) vão de { $start } a { $end }. Qualquer processo pode escutar nelas; um registo na IANA é uma reivindicação, não uma imposição.
range-dynamic-text = As portas dinâmicas e privadas vão de { $start } a { $end }. A IANA nunca as atribui; os sistemas escolhem aqui as portas de saída, e qualquer coisa pode escutar aqui.
range-ephemeral = Dentro do intervalo efémero predefinido de: { $systems }.
badge-system = intervalo de sistema
badge-user = intervalo registado
badge-dynamic = intervalo dinâmico
badge-assigned = IANA: atribuída
badge-reserved = IANA: reservada
badge-unassigned = IANA: não atribuída
badge-other = IANA: listada sem serviço
badge-no-registry = IANA: registo não carregado
badge-deassigned = desatribuída
badge-threat = histórico de ameaças
badge-exposure = risco de exposição
badge-unofficial = usos não oficiais
badge-ephemeral = efémera em alguns sistemas
verdict-no-registry = Este servidor não tem cópia do registo da IANA, por isso a atribuição é desconhecida aqui.
verdict-assigned-by = Registada na IANA por { $org }.
verdict-assigned = Registada na IANA.
verdict-reserved = Reservada pela IANA: nada a deveria usar.
verdict-dynamic = No intervalo dinâmico: a IANA nunca a atribui, e os sistemas usam-na para portas de cliente de curta duração.
verdict-unassigned = Não atribuída pela IANA: o que escuta aqui escolheu o número por si.
verdict-retired = As notas marcam { $title } como { $status }.
verdict-threat-port = { $name } ({ $year }) usou esta porta.
verdict-threat-range = { $name } ({ $year }) usou o intervalo { $range }.
verdict-exposure = { $service } não deve ficar exposto à Internet.
iana-title = Registo da IANA
iana-source = Fonte: registo da IANA, atualizado em { $date }
iana-none = Nenhum registo da IANA abrange esta porta.
iana-missing = Este servidor não tem cópia do registo da IANA, por isso as atribuições não são mostradas. Execute portlore update para o instalar.
iana-any-transport = qualquer transporte
iana-ports = portas { $ports }
iana-unauthorized = Uso não autorizado comunicado
iana-service-code = Código de serviço
iana-english = As descrições e notas são citadas do registo, em inglês.
col-description = Descrição
col-assignee = Titular
col-contact = Contacto
col-registered = Registada
col-modified = Modificada
col-references = Referências
col-notes = Nota
col-port = Porta
col-service = Serviço
col-status = Estado
col-date = Data
col-change = Alteração
curated-english = As notas abaixo estão escritas em inglês e ainda não foram traduzidas.
history-title = História
note-status = Estado: { $status }
note-made-by = criado por { $who }
note-today = Hoje:
status-active = ativo
status-legacy = legado
status-retired = descontinuado
status-never-deployed = nunca implementado
status-unknown = desconhecido
security-title = Segurança
threat-history-note = Isto é história: diz o que malware e atacantes fizeram uma vez com esta porta, não o que corre nela na sua rede.
threat-line = { $kind }, visto pela primeira vez em { $year }
threat-use = { $role } em { $range } ({ $transports })
kind-worm = worm
kind-trojan = cavalo de Troia
kind-backdoor = porta dos fundos
kind-rat = trojan de acesso remoto
kind-botnet = botnet
kind-ransomware = ransomware
kind-scanner = scanner
kind-miner = minerador de criptomoedas
kind-c2-framework = framework de C2
kind-exploitation = campanha de exploração
kind-ics-malware = malware de ICS
kind-other = outra ameaça
role-listening-backdoor = porta dos fundos à escuta
role-scanning-target = alvo de varrimento
role-c2 = comando e controlo
role-propagation = propagação
role-exfiltration = roubo de dados
role-amplification = ataques de amplificação
role-other = outro uso
exposure-title = { $service } não deve ficar exposto à Internet
severity-critical = crítico
severity-high = risco elevado
severity-medium = risco médio
exposure-advice = O que fazer
unofficial-title = Também visto nesta porta
unofficial-mark = não é uma atribuição da IANA
check-title = Verifique por si
check-intro = Comandos que mostram o que escuta na porta { $port }:
check-network = A partir de outra máquina
why-title = Porque é importante
why-assigned-system = A porta { $port } é uma porta de sistema atribuída pela IANA: firewalls, scanners e pessoas esperam esse serviço aqui, por isso qualquer outra coisa à escuta merece uma análise.
why-assigned-user = A porta { $port } está registada, mas o registo não é imposto: qualquer programa pode escutar aqui, e muitos fazem-no.
why-assigned-dormant = A porta { $port } está registada para um protocolo que já não é usado, por isso o tráfego que nela se vê hoje é provavelmente outra coisa.
why-reserved = A porta { $port } está reservada: nenhum serviço legítimo deveria escutar nela, por isso um processo à escuta merece investigação.
why-unassigned = A porta { $port } não tem atribuição da IANA: o software que a usa escolheu o número por si, e o registo não diz o que é.
why-dynamic = A porta { $port } está no intervalo dinâmico: vê-la em ligações de saída é normal, mas um serviço à escuta duradouro aqui foi configurado por alguém.
why-threat = { $count ->
    [one] Um malware usou a porta { $port }, por isso as ferramentas de segurança podem assinalá-la; verifique o processo dono antes de se preocupar.
   *[other] { $count } famílias de malware usaram a porta { $port }, por isso as ferramentas de segurança podem assinalá-la; verifique o processo dono antes de se preocupar.
}
why-exposure = Serviços na porta { $port } foram atacados quando acessíveis a partir da Internet: mantenha-a atrás de uma firewall.
why-unofficial = Software conhecido usa a porta { $port } sem atribuição da IANA, por isso o registo sozinho vai enganá-lo.
why-ephemeral = Alguns sistemas operativos atribuem a porta { $port } a ligações de saída, por isso tráfego breve nela é normalmente inofensivo.
why-quiet = Nada de notável está registado para a porta { $port }: se algo escuta aqui, só o seu processo dá uma resposta fiável.
related-title = Portas relacionadas
rel-same-service = mesmo serviço
rel-sibling-service = serviço relacionado
rel-same-threat = também usada por { $name }
rel-neighbour = vizinha
refs-title = Referências
ref-checked = verificado em { $date }
vote-title = Esta página foi útil?
vote-unhelpful = Não foi útil
vote-neutral = Mais ou menos útil
vote-helpful = Útil
vote-thanks = Obrigado pela sua opinião.

## Home
home-title = O que está nesta porta?
home-intro = Consulte qualquer uma das 65 536 portas: a atribuição IANA, a história, o malware que a usou e como verificar o que está à escuta.
home-examples = Experimente:
home-stats = { $assigned } portas têm pelo menos uma atribuição da IANA.
map-title = Mapa do espaço de portas
map-label = Mapa das 65 536 portas em 256 blocos de 256 portas
map-legend-density = blocos mais escuros têm mais portas atribuídas
map-legend-threat = com contorno: um malware usou uma porta do bloco
map-legend-blocks = Cada bloco liga à lista das suas 256 portas.

## Index
ports-title = Todas as portas
ports-intro = As 65 536 portas, em páginas de 256. Cada número abre a página que começa aí.
block-title = Portas { $start }–{ $end }
block-summary = { $assigned ->
    [0] Nenhuma porta deste bloco tem atribuição da IANA.
    [one] Uma porta deste bloco tem atribuição da IANA.
   *[other] { $assigned } portas deste bloco têm atribuição da IANA.
} { $threat ->
    [0] {""}
    [one] Um malware usou uma delas.
   *[other] Houve malware que usou { $threat } delas.
}
index-no-assignment = sem atribuição
pager-label = Páginas
page-prev = Anterior
page-next = Seguinte
page-of = Página { $page } de { $pages }

## Search
search-title = Pesquisa
search-title-q = Pesquisa: { $q }
search-count = { $count ->
    [one] Um resultado para «{ $q }».
   *[other] { $count } resultados para «{ $q }».
}
search-none = Nada corresponde a «{ $q }». Experimente um número de porta, um nome de serviço IANA, uma organização ou o nome de um malware.
search-go-port = Ir para a porta { $port }
search-empty = Pesquise por número de porta, nome de serviço IANA, organização, software ou nome de malware.
hit-service = serviço IANA
hit-threat = ameaça
hit-unofficial = uso não oficial
hit-note = nota

## Recent
recent-title = Alterações recentes no registo da IANA
recent-intro = Registos pela data mais recente de registo ou modificação, os mais novos primeiro.
recent-registered = registada
recent-modified = modificada

## Errors
err-404-title = Página não encontrada
err-400-title = Pedido inválido
err-port-range = { $input } não é uma porta: os números de porta vão de 0 a 65535.
err-port-form = «{ $input }» não é um número de porta.
err-port-forms = As páginas de portas estão em /{ $lang }/ports/0 até /{ $lang }/ports/65535, por exemplo /{ $lang }/ports/3147.
err-block = «{ $input }» não é uma página do índice.
err-block-forms = As páginas do índice vão de /{ $lang }/blocks/0 a /{ $lang }/blocks/255.
err-lang = «{ $input }» não é um dos idiomas deste site.
err-lang-forms = Idiomas: { $langs }.
err-query = As pesquisas estão limitadas a { $max } caracteres de texto.
err-query-forms = Experimente uma pesquisa mais curta em /{ $lang }/search?q=rfio.
err-notfound = Não há nenhuma página neste endereço.
err-encoding = Este endereço não é texto válido: depois de descodificado contém bytes que não são UTF-8.
