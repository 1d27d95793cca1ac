<#--
  Către șefii compartimentului unei cereri când apelul înapoi către cetățean nu a fost făcut în intervalul stabilit (R8).
  Variabile: number, typeName, deadline.
-->
<#assign subject = "Apelul înapoi pentru cererea nr. ${number} nu a fost făcut">
Bună ziua,

Cetățeanul cererii nr. ${number} („${typeName}”) trebuia sunat înapoi, iar nimeni nu l-a sunat în intervalul stabilit.
Vă rugăm să vă asigurați că este sunat și să programați un nou apel înapoi din pagina cererii.

Găsiți cererea în consola CivicDesk.
