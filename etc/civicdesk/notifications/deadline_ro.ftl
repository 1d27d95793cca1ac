<#--
  Către funcționarul care are în lucru o cerere al cărei termen se apropie (R7: nivelul 0, avertizarea).
  Variabile: number, typeName, deadline.
-->
<#assign subject = "Termenul cererii nr. ${number} se apropie: ${deadline}">
Bună ziua,

Cererea nr. ${number} („${typeName}”), pe care o aveți în lucru, trebuie soluționată până la ${deadline}.
Dacă nu va putea fi soluționată până atunci, anunțați-vă șeful de compartiment.

Găsiți cererea în consola CivicDesk.
