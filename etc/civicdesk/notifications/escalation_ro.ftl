<#--
  Către rolul pe care tipul de cerere îl numește pentru nivelul 2 de escaladare (R7): cererea tot nu este
  soluționată la câteva zile lucrătoare după termen; prioritatea ei devine urgentă.
  Variabile: number, typeName, deadline.
-->
<#assign subject = "Escaladare: cererea nr. ${number} tot nu este soluționată (termen ${deadline})">
Bună ziua,

Cererea nr. ${number} („${typeName}”) avea termen ${deadline} și tot nu este soluționată, deși șefii
compartimentului au fost anunțați. Prioritatea ei este acum urgentă.

Găsiți cererea în consola CivicDesk, la cererile cu termen depășit.
