<#--
  O schimbare de stare, cu comentariul public al funcționarului.
  Variabile: number, typeName, status, comment, deadline, trackingCode, trackingUrl.
-->
<#include "statuses_ro.ftl">
<#assign subject = "Cererea nr. ${number}: ${statusName(status)}">
Bună ziua,

Cererea dumneavoastră nr. ${number} („${typeName}”) este acum: ${statusName(status)}.
<#if comment?has_content>

Mesajul funcționarului:
${comment}
</#if>

Termenul de soluționare: ${deadline}.
Urmăriți cererea cu codul ${trackingCode}: ${trackingUrl}

Primăria

Acesta este un mesaj automat; vă rugăm să nu răspundeți la el.
