# Mensajes del sitio: inicio, índice, bloques, búsqueda, cambios recientes, opiniones de los lectores, referencia de la API.

nav-feedback = Opiniones de los lectores
map-how = Señale o enfoque un cuadro (256 puertos) para ver su rango, puertos asignados (IANA n), servicios conocidos y amenazas (⚠); ábralo para la lista de sus puertos.
map-tip = { $start }–{ $end }, asignados: { $assigned }
map-tip-threat = historial de amenazas: { $names }
map-legend-shade = esquina roja: amenazas conocidas usaron puertos del bloque; cuanto más oscura, mayor parte del bloque
block-assigned = { $assigned ->
    [0] Ningún puerto de este bloque tiene una asignación de la IANA.
    [one] Un puerto de este bloque tiene una asignación de la IANA.
   *[other] { $assigned } puertos de este bloque tienen una asignación de la IANA.
}
block-family = { $name } figura en el historial de amenazas de { $ports ->
    [one] uno de estos puertos.
   *[other] { $ports } de estos puertos.
}
block-families-rows = Familias de amenazas nombradas abajo en puertos concretos: { $count }.
col-transport = Transporte
col-iana = Servicio IANA
col-usual = Lo habitual
feedback-title = Opiniones de los lectores
feedback-intro = Los votos de los botones «¿Le ha resultado útil esta página?». Primero van los puertos con más votos negativos: son las páginas que hay que mejorar.
feedback-summary = Votos: { $votes } en { $ports } puertos ({ $unhelpful } nada útil, { $neutral } algo útil, { $helpful } útil).
feedback-col-votes = Votos
feedback-col-total = Total
feedback-bar = Puerto { $port }: { $unhelpful } nada útil, { $neutral } algo útil, { $helpful } útil
feedback-none = Todavía no hay votos.
feedback-unavailable = Las opiniones no están disponibles en este servidor.
feedback-data = Los mismos datos:
feedback-bad-query = Esta dirección pide algo que la página no puede mostrar; lista como máximo { $max } puertos.
feedback-refused-rate = Su voto no se ha registrado: llegaron demasiados votos desde su dirección en poco tiempo. Inténtelo de nuevo dentro de un minuto.
feedback-refused-invalid = Su voto no se ha registrado: el formulario llegó incompleto o mal formado. Vuelva a la página y elija de nuevo una cara.
feedback-refused-cross-site = Su voto no se ha registrado: se envió desde otro sitio.
feedback-refused-unavailable = Su voto no se ha registrado: el almacén de opiniones no está disponible ahora. Inténtelo más tarde.
