<#--
  To the officer a request has been assigned to (R16).
  Variables: number, typeName, deadline, comment (the note of whoever assigned it).
-->
<#assign subject = "Request no. ${number} has been assigned to you">
Hello,

Request no. ${number} ("${typeName}") has been assigned to you.
It is due by ${deadline}.
<#if comment?has_content>

The note of whoever assigned it:
${comment}
</#if>

You will find it in the CivicDesk console.
