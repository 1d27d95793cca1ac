<#--
  Răspunsul unui funcționar către cetățean, scris din consolă (R16). Numărul cererii stă între
  paranteze drepte în subiect: răspunsul cetățeanului se adaugă la aceeași cerere.
  Variabile: number, typeName, comment (textul funcționarului), trackingCode, trackingUrl.
-->
<#assign subject = "[${number}] Răspuns la cererea dumneavoastră („${typeName}”)">
Bună ziua,

${comment}

Cererea nr. ${number} („${typeName}”).
Urmăriți cererea cu codul ${trackingCode}: ${trackingUrl}

Cu stimă,
Primăria

Puteți răspunde la acest mesaj; păstrați numărul [${number}] în subiect.
