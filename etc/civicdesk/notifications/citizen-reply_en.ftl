<#--
  To the officer who carries a request: the citizen answered by e-mail, and the answer was added
  to the request as a comment (R16).
  Variables: number, typeName, status, deadline, comment (the citizen's text).
-->
<#assign subject = "The citizen replied on request no. ${number}">
Hello,

The citizen replied on request no. ${number} ("${typeName}"), which is assigned to you.
It is due by ${deadline}.
<#if comment?has_content>

The citizen's reply:
${comment}
</#if>

You will find it in the CivicDesk console.
