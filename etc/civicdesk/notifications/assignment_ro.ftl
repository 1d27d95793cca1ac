<#--
  Către funcționarul căruia i s-a repartizat o cerere (R16).
  Variabile: number, typeName, deadline, comment (nota celui care a repartizat-o).
-->
<#assign subject = "Vi s-a repartizat cererea nr. ${number}">
Bună ziua,

Vi s-a repartizat cererea nr. ${number} („${typeName}”).
Termenul de soluționare: ${deadline}.
<#if comment?has_content>

Nota celui care v-a repartizat-o:
${comment}
</#if>

Găsiți cererea în consola CivicDesk.
