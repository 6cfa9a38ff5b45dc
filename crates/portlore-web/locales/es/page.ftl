# Mensajes de la página de un puerto (el modelo de página redactado para el sitio). Cada clave empieza por pp-.
pp-title-transport = Puerto { $port }/{ $transport }
pp-head-usually-iana = { $title } — normalmente { $usual }; IANA: { $service }
pp-head-usually = { $title } — normalmente { $usual }
pp-head-also = también { $names }
pp-list-sep = {", "}
pp-v-port-zero = El puerto 0 no es un puerto de escucha: un programa que se enlaza al 0 pide al sistema cualquier puerto libre.
pp-v-usually = Normalmente: { $what }.
pp-v-holder = Registrado en la IANA a nombre de { $holder } como { $service }.
pp-v-holder-anon = Registrado en la IANA como { $service }.
pp-v-holder-other = La IANA lo registró a nombre de { $holder } para { $service }, otro servicio.
pp-v-holder-other-anon = La IANA lo registró para { $service }, otro servicio.
pp-v-reserved = Reservado por la IANA: nada debería escuchar aquí.
pp-v-unassigned = Sin asignación de la IANA: lo que escucha aquí eligió el número por su cuenta.
pp-v-dynamic = En el rango dinámico, que la IANA nunca asigna: los sistemas toman aquí puertos de cliente de corta duración.
pp-v-no-registry = Este servidor no tiene copia del registro de la IANA, así que aquí se desconoce la asignación.
pp-v-retired = { $name } está retirado.
pp-v-never-deployed = { $name } nunca llegó a desplegarse.
pp-v-legacy = { $name } es un protocolo heredado: sustituido, aunque todavía se encuentra.
pp-v-threat-port = { $name } usó este puerto en { $year }.
pp-v-threat-spread = { $name } se propagó por este puerto en { $year }.
pp-v-threat-targeted = { $name } atacó este puerto en { $year }.
pp-v-threat-listened = { $name } escuchaba en este puerto en { $year }.
pp-v-threat-range = Dentro del rango { $range } que { $name } usó en { $year }.
pp-v-threat-others = { $count ->
    [one] Otra amenaza conocida también lo usó.
   *[other] Otras { $count } amenazas conocidas también lo usaron.
}
pp-v-exposure = { $service } no debe quedar expuesto a Internet ({ $severity }).
pp-v-not-that = Es casi seguro que el tráfico de hoy en este puerto no es { $name }.
pp-v-probably-not = Probablemente el tráfico de hoy en este puerto no es { $name }.
pp-badge-exposure = riesgo de exposición: { $severity }
pp-badge-ephemeral = efímero en sistemas actuales
pp-role-attack = ataques a otros equipos
pp-todo-title = Qué hacer
pp-security-title = Historial de seguridad
pp-left-out = No se muestra para { $filter }: { $name } solo afecta a { $transports }.
pp-iana-also = también registrado como { $names }
pp-iana-transport = Transporte
pp-iana-long-note = Nota larga del registro (pulse para leerla)
pp-os-linux = Linux
pp-os-windows = Windows (Vista y posteriores)
pp-os-windows-legacy = Windows XP, Server 2003 y anteriores
pp-os-freebsd = FreeBSD
pp-os-macos = macOS
pp-os-solaris = Solaris
pp-os-aix = AIX
pp-os-other = otro sistema
pp-w-port-zero = El puerto 0 es un comodín, no un servicio: enlácese al 0 y el sistema le elige un puerto libre. El tráfico que llega de verdad al puerto 0 está malformado o procede de un escaneo.
pp-w-system = El puerto { $port } es un puerto de sistema: en Linux y otros sistemas tipo Unix solo root puede escuchar en él por defecto, y la IANA asigna estos puertos tras revisión del IETF.
pp-w-user = El puerto { $port } es un puerto registrado (de usuario): cualquier programa puede escuchar en él, y un registro de la IANA es una reivindicación, no una imposición.
pp-w-dynamic = El puerto { $port } está en el rango dinámico 49152–65535, que la IANA nunca asigna: los sistemas toman de él sus puertos de salida, y cualquier cosa puede escuchar en él.
pp-w-assigned = Los cortafuegos, los escáneres y las personas esperan aquí el servicio registrado, así que cualquier otra cosa que escuche merece una revisión.
pp-w-dormant = { $name } tiene el estado «{ $status }», así que el tráfico de hoy en este puerto probablemente es otra cosa.
pp-w-reserved = El puerto está reservado: ningún servicio legítimo debería escuchar en él, así que un programa que lo haga merece una investigación.
pp-w-unassigned = No tiene asignación de la IANA: el software que lo usa eligió el número por su cuenta, y el registro no puede decir qué es.
pp-w-no-registry = Sin copia del registro de la IANA, aquí se desconoce la asignación.
pp-w-threat-port = { $count ->
    [one] Una amenaza conocida usó este puerto, así que las herramientas de seguridad pueden señalarlo; compruebe el proceso propietario antes de preocuparse.
   *[other] { $count } amenazas conocidas (malware, herramientas de ataque, campañas de explotación) usaron este puerto, así que las herramientas de seguridad pueden señalarlo; compruebe el proceso propietario antes de preocuparse.
}
pp-w-threat-range = { $count ->
    [one] Una amenaza conocida usó un rango que contiene este puerto, así que las herramientas de seguridad pueden señalarlo; compruebe el proceso propietario antes de preocuparse.
   *[other] { $count } amenazas conocidas (malware, herramientas de ataque, campañas de explotación) usaron este puerto o un rango que lo contiene, así que las herramientas de seguridad pueden señalarlo; compruebe el proceso propietario antes de preocuparse.
}
pp-w-exposure = Los servicios de este puerto han sido atacados cuando eran accesibles desde Internet: manténgalo tras un cortafuegos.
pp-w-unofficial = Software conocido usa este puerto sin asignación de la IANA, así que el registro por sí solo le confundirá.
pp-w-ephemeral = { $systems } toman sus puertos de salida (efímeros) de un rango que contiene este: una conexión breve que lo use es normal; un programa que escuche en él mucho tiempo no lo es.
pp-w-ephemeral-legacy = Solo sistemas antiguos ({ $systems }) tomaban sus puertos de salida de un rango que contiene este; en los sistemas actuales, una conexión en él no es un puerto efímero.
pp-rel-knowledge = misma familia
pp-search-none = Nada coincide con «{ $q }». Pruebe un nombre de servicio de la IANA, un programa, una organización o el nombre de un malware.
pp-search-none-js = Nada coincide con «%q%». Pruebe un nombre de servicio de la IANA, un programa, una organización o el nombre de un malware.
pp-search-count-js = Resultados para «%q%»: %n%
pp-threat-line = { $kind }, { $year }
pp-threat-group = { $role } — { $range } ({ $transports })
pp-refs-checked = Enlaces comprobados el { $date }.
pp-refs-checked-most = Enlaces comprobados el { $date }, salvo que se indique otra fecha.
