<#--
  Închiderea cererii (o stare finală: rezolvată, respinsă, închisă), cu comentariul public.
  Variabile: number, typeName, status, comment, trackingCode, trackingUrl, rateUrl (întrebarea
  despre satisfacție: portalul deschide cererea la formularul de evaluare).
-->
<#include "statuses_ro.ftl">
<#assign subject = "Cererea nr. ${number} a fost soluționată: ${statusName(status)}">
Bună ziua,

Cererea dumneavoastră nr. ${number} („${typeName}”) a fost închisă: ${statusName(status)}.
<#if comment?has_content>

Mesajul funcționarului:
${comment}
</#if>

Cât de mulțumit sunteți de felul în care a fost rezolvată cererea? Dați-i o notă de la 1
(deloc) la 5 (foarte mulțumit) și, dacă doriți, spuneți-ne de ce, într-un minut:
${rateUrl}

Istoricul cererii rămâne disponibil cu codul ${trackingCode}: ${trackingUrl}

Vă mulțumim că ne-ați scris,
Primăria

Acesta este un mesaj automat; vă rugăm să nu răspundeți la el.
