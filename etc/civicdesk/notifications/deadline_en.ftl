<#--
  To the officer carrying a request whose deadline nears (R7: escalation level 0, the warning).
  Variables: number, typeName, deadline.
-->
<#assign subject = "The deadline of request no. ${number} is near: ${deadline}">
Hello,

Request no. ${number} ("${typeName}"), which you carry, is due by ${deadline}.
If it will not be resolved by then, tell your supervisor.

You will find it in the CivicDesk console.
