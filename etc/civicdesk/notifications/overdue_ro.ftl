<#--
  Către șefii compartimentului unei cereri cu termenul depășit (R7: nivelul 1 de escaladare; prioritatea ei
  devine ridicată).
  Variabile: number, typeName, deadline.
-->
<#assign subject = "Cererea nr. ${number} are termenul depășit (termen ${deadline})">
Bună ziua,

Termenul cererii nr. ${number} („${typeName}”) a expirat la ${deadline}, iar cererea nu este soluționată.
Prioritatea ei este acum ridicată. Vă rugăm să urmăriți soluționarea ei sau să o repartizați altcuiva.

Găsiți cererea în consola CivicDesk, la cererile cu termen depășit.
