<#--
  Amintirea unei programări la ghișeu, trimisă în ziua dinainte (R8), cetățeanului care are o adresă de e-mail.
  Variabile: serviceName, serviceNameEn (în engleză), date (zz.ll.aaaa), time (hh:mm), counter, requestNumber (gol când nu e legată de o cerere),
  portalUrl.
-->
<#assign subject = "Programarea dumneavoastră de mâine, ${date}, ora ${time}">
Bună ziua,

Vă reamintim că mâine, ${date}, la ora ${time}, aveți programare la Primărie pentru „${serviceName}”.
<#if counter?has_content>Vă rugăm să vă prezentați la ${counter}.</#if>
<#if requestNumber?has_content>Programarea privește cererea nr. ${requestNumber}.</#if>

Luați cu dumneavoastră actul de identitate. Dacă nu puteți veni, anunțați-ne la numărul unic al Primăriei,
ca locul să poată fi dat altcuiva.

Cu stimă,
Primăria
