<#--
  Către funcționarul care are cererea: cetățeanul a răspuns prin e-mail, iar răspunsul lui
  a fost adăugat la cerere ca un comentariu (R16).
  Variabile: number, typeName, status, deadline, comment (textul cetățeanului).
-->
<#assign subject = "Cetățeanul a răspuns la cererea nr. ${number}">
Bună ziua,

Cetățeanul a răspuns la cererea nr. ${number} („${typeName}”), pe care o aveți în lucru.
Termenul de soluționare: ${deadline}.
<#if comment?has_content>

Răspunsul cetățeanului:
${comment}
</#if>

Găsiți cererea în consola CivicDesk.
