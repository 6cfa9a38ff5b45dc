# Mensajes del sitio portlore, español.

## Chrome
skip = Ir al contenido
search-label = Buscar puertos, servicios y amenazas
search-placeholder = 3147, rfio, MyDoom…
search-button = Buscar
lang-label = Idioma
nav-home = Inicio
nav-ports = Todos los puertos
nav-recent = Cambios recientes
footer-text = Los datos del registro provienen solo del registro de la IANA. Las notas redactadas citan sus fuentes. Sin cookies ni rastreo.
footer-registry = Registro de la IANA de nombres de servicio y números de puerto de protocolo de transporte, actualizado el { $date }.
crumbs-label = Ruta de navegación
crumb-ports = Puertos

## Port page
title-port = Puerto { $port }
title-port-service = Puerto { $port } ({ $service })
desc-port = Para qué sirve el puerto { $port }: su asignación IANA, su historia, las amenazas y cómo comprobar qué escucha en él.
bar-label = Puerto { $port } dentro de 0–65535
range-system = Puertos del sistema
range-user = Puertos registrados
range-dynamic = Puertos dinámicos
range-system-text = Los puertos del sistema (bien conocidos) van de { $start } a { $end }. En Linux y otros sistemas tipo Unix solo root puede escuchar en ellos por defecto, y la IANA los asigna tras revisión del IETF.
range-user-text = Los puertos de usuario (registrados) van de { $start } a { $end }. Cualquier proceso puede escuchar en ellos; un registro de la IANA es una reivindicación, no una garantía.
range-dynamic-text = Los puertos dinámicos y privados van de { $start } a { $end }. La IANA nunca los asigna; los sistemas eligen aquí sus puertos de salida, y cualquier cosa puede escuchar aquí.
range-ephemeral = Dentro del rango efímero predeterminado de: { $systems }.
badge-system = rango del sistema
badge-user = rango registrado
badge-dynamic = rango dinámico
badge-assigned = IANA: asignado
badge-reserved = IANA: reservado
badge-unassigned = IANA: sin asignar
badge-other = IANA: listado sin servicio
badge-no-registry = IANA: registro no cargado
badge-deassigned = desasignado
badge-threat = historial de amenazas
badge-exposure = riesgo de exposición
badge-unofficial = usos no oficiales
badge-ephemeral = efímero en algunos sistemas
verdict-no-registry = Este servidor no tiene copia del registro de la IANA, así que aquí no se conoce la asignación.
verdict-assigned-by = Registrado ante la IANA por { $org }.
verdict-assigned = Registrado ante la IANA.
verdict-reserved = Reservado por la IANA: nada debería usarlo.
verdict-dynamic = En el rango dinámico: la IANA nunca lo asigna y los sistemas lo usan para puertos de cliente de corta duración.
verdict-unassigned = Sin asignación de la IANA: lo que escuche aquí eligió el número por su cuenta.
verdict-retired = Las notas marcan { $title } como { $status }.
verdict-threat-port = { $name } ({ $year }) usó este puerto.
verdict-threat-range = { $name } ({ $year }) usó el rango { $range }.
verdict-exposure = { $service } no debe quedar expuesto a Internet.
iana-title = Registro de la IANA
iana-source = Fuente: registro de la IANA, actualizado el { $date }
iana-none = Ningún registro de la IANA cubre este puerto.
iana-missing = Este servidor no tiene copia del registro de la IANA, así que no se muestran asignaciones. Ejecute portlore update para instalarlo.
iana-any-transport = cualquier transporte
iana-ports = puertos { $ports }
iana-unauthorized = Uso no autorizado notificado
iana-service-code = Código de servicio
iana-english = Las descripciones y notas se citan del registro, en inglés.
col-description = Descripción
col-assignee = Titular
col-contact = Contacto
col-registered = Registrado
col-modified = Modificado
col-references = Referencias
col-notes = Nota
col-port = Puerto
col-service = Servicio
col-status = Estado
col-date = Fecha
col-change = Cambio
curated-english = Las notas siguientes están escritas en inglés y aún no se han traducido.
history-title = Historia
note-status = Estado: { $status }
note-made-by = creado por { $who }
note-today = Hoy:
status-active = activo
status-legacy = heredado
status-retired = retirado
status-never-deployed = nunca desplegado
status-unknown = desconocido
security-title = Seguridad
threat-history-note = Esto es historia: cuenta lo que el malware y los atacantes hicieron una vez con este puerto, no lo que se ejecuta en él en su red.
threat-line = { $kind }, visto por primera vez en { $year }
threat-use = { $role } en { $range } ({ $transports })
kind-worm = gusano
kind-trojan = troyano
kind-backdoor = puerta trasera
kind-rat = troyano de acceso remoto
kind-botnet = botnet
kind-ransomware = ransomware
kind-scanner = escáner
kind-miner = minero de criptomonedas
kind-c2-framework = framework de C2
kind-exploitation = campaña de explotación
kind-ics-malware = malware para ICS
kind-other = otra amenaza
role-listening-backdoor = puerta trasera a la escucha
role-scanning-target = objetivo de escaneo
role-c2 = mando y control
role-propagation = propagación
role-exfiltration = robo de datos
role-amplification = ataques de amplificación
role-other = otro uso
exposure-title = { $service } no debe quedar expuesto a Internet
severity-critical = crítico
severity-high = riesgo alto
severity-medium = riesgo medio
exposure-advice = Qué hacer
unofficial-title = También visto en este puerto
unofficial-mark = no es una asignación de la IANA
check-title = Compruébelo usted mismo
check-intro = Órdenes que muestran qué escucha en el puerto { $port }:
check-network = Desde otra máquina
why-title = Por qué importa
why-assigned-system = El puerto { $port } es un puerto del sistema asignado por la IANA: cortafuegos, escáneres y personas esperan ese servicio aquí, así que cualquier otra cosa que escuche merece una revisión.
why-assigned-user = El puerto { $port } está registrado, pero el registro no se impone: cualquier programa puede escuchar aquí, y muchos lo hacen.
why-assigned-dormant = El puerto { $port } está registrado para un protocolo que ya no se despliega, así que el tráfico que se ve hoy probablemente sea otra cosa.
why-reserved = El puerto { $port } está reservado: ningún servicio legítimo debería escuchar en él, así que un proceso a la escucha merece una investigación.
why-unassigned = El puerto { $port } no tiene asignación de la IANA: el software que lo usa eligió el número por su cuenta, y el registro no dice qué es.
why-dynamic = El puerto { $port } está en el rango dinámico: verlo en conexiones salientes es normal, pero un servicio que escucha aquí de forma duradera lo configuró alguien.
why-threat = { $count ->
    [one] Un malware usó el puerto { $port }, así que las herramientas de seguridad pueden marcarlo; compruebe el proceso propietario antes de preocuparse.
   *[other] { $count } familias de malware usaron el puerto { $port }, así que las herramientas de seguridad pueden marcarlo; compruebe el proceso propietario antes de preocuparse.
}
why-exposure = Los servicios en el puerto { $port } han sido atacados cuando eran accesibles desde Internet: manténgalo tras un cortafuegos.
why-unofficial = Software conocido usa el puerto { $port } sin asignación de la IANA, así que el registro por sí solo le confundirá.
why-ephemeral = Algunos sistemas operativos asignan el puerto { $port } a conexiones salientes, así que el tráfico breve en él suele ser inofensivo.
why-quiet = No hay nada destacable registrado para el puerto { $port }: si algo escucha aquí, solo su proceso le dará una respuesta fiable.
related-title = Puertos relacionados
rel-same-service = mismo servicio
rel-sibling-service = servicio relacionado
rel-same-threat = también usado por { $name }
rel-neighbour = vecino
refs-title = Referencias
ref-checked = comprobado el { $date }
vote-title = ¿Le ha resultado útil esta página?
vote-unhelpful = No es útil
vote-neutral = Algo útil
vote-helpful = Útil
vote-thanks = Gracias por su opinión.

## Home
home-title = ¿Qué hay en este puerto?
home-intro = Consulte cualquiera de los 65 536 puertos: su asignación IANA, su historia, el malware que lo usó y cómo comprobar qué escucha en él.
home-examples = Pruebe:
home-stats = { $assigned } puertos tienen al menos una asignación de la IANA.
map-title = Mapa del espacio de puertos
map-label = Mapa de los 65 536 puertos en 256 bloques de 256 puertos
map-legend-density = los bloques más oscuros tienen más puertos asignados
map-legend-threat = con borde: un malware usó un puerto del bloque
map-legend-blocks = Cada bloque enlaza con la lista de sus 256 puertos.

## Index
ports-title = Todos los puertos
ports-intro = Los 65 536 puertos, en páginas de 256. Cada número abre la página que empieza ahí.
block-title = Puertos { $start }–{ $end }
block-summary = { $assigned ->
    [0] Ningún puerto de este bloque tiene asignación de la IANA.
    [one] Un puerto de este bloque tiene asignación de la IANA.
   *[other] { $assigned } puertos de este bloque tienen asignación de la IANA.
} { $threat ->
    [0] {""}
    [one] Un malware usó uno de ellos.
   *[other] Hubo malware que usó { $threat } de ellos.
}
index-no-assignment = sin asignación
pager-label = Páginas
page-prev = Anterior
page-next = Siguiente
page-of = Página { $page } de { $pages }

## Search
search-title = Búsqueda
search-title-q = Búsqueda: { $q }
search-count = { $count ->
    [one] Un resultado para «{ $q }».
   *[other] { $count } resultados para «{ $q }».
}
search-none = Nada coincide con «{ $q }». Pruebe un número de puerto, un nombre de servicio IANA, una organización o el nombre de un malware.
search-go-port = Ir al puerto { $port }
search-empty = Busque por número de puerto, nombre de servicio IANA, organización, software o nombre de malware.
hit-service = servicio IANA
hit-threat = amenaza
hit-unofficial = uso no oficial
hit-note = nota

## Recent
recent-title = Cambios recientes en el registro de la IANA
recent-intro = Registros ordenados por su última fecha de registro o modificación, los más recientes primero.
recent-registered = registrado
recent-modified = modificado

## Errors
err-404-title = Página no encontrada
err-400-title = Solicitud incorrecta
err-port-range = { $input } no es un puerto: los números de puerto van de 0 a 65535.
err-port-form = «{ $input }» no es un número de puerto.
err-port-forms = Las páginas de puertos están en /{ $lang }/ports/0 hasta /{ $lang }/ports/65535, por ejemplo /{ $lang }/ports/3147.
err-block = «{ $input }» no es una página del índice.
err-block-forms = Las páginas del índice van de /{ $lang }/blocks/0 a /{ $lang }/blocks/255.
err-lang = «{ $input }» no es uno de los idiomas de este sitio.
err-lang-forms = Idiomas: { $langs }.
err-query = Las búsquedas están limitadas a { $max } caracteres de texto.
err-query-forms = Pruebe una búsqueda más corta en /{ $lang }/search?q=rfio.
err-notfound = No hay ninguna página en esta dirección.
err-encoding = Esta dirección no es texto válido: una vez decodificada contiene bytes que no son UTF-8.
