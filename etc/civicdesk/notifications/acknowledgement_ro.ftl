<#--
  Confirmarea înregistrării (R5): numărul, termenul și legătura de urmărire, toate odată.
  Variabile: number, typeName, deadline, trackingCode, trackingUrl, portalUrl.
  subject este subiectul mesajului; restul este textul lui.
-->
<#assign subject = "Cererea dumneavoastră a fost înregistrată cu nr. ${number}">
Bună ziua,

Cererea dumneavoastră („${typeName}”) a fost înregistrată la Primărie
cu numărul ${number}.

Termenul de soluționare: ${deadline}.

Puteți urmări stadiul cererii oricând, cu codul de urmărire ${trackingCode}:
${trackingUrl}

Vă mulțumim,
Primăria

Acesta este un mesaj automat; vă rugăm să nu răspundeți la el.
