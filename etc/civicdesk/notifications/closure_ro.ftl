<#--
  Închiderea cererii (o stare finală: rezolvată, respinsă, închisă), cu comentariul public.
  Variabile: number, typeName, status, comment, trackingCode, trackingUrl.
-->
<#include "statuses_ro.ftl">
<#assign subject = "Cererea nr. ${number} a fost soluționată: ${statusName(status)}">
Bună ziua,

Cererea dumneavoastră nr. ${number} („${typeName}”) a fost închisă: ${statusName(status)}.
<#if comment?has_content>

Mesajul funcționarului:
${comment}
</#if>

Istoricul cererii rămâne disponibil cu codul ${trackingCode}: ${trackingUrl}

Vă mulțumim că ne-ați scris,
Primăria

Acesta este un mesaj automat; vă rugăm să nu răspundeți la el.
