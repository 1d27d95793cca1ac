<#--
  To the supervisors of the department of a request whose deadline has passed (R7: escalation level 1; its
  priority is now high).
  Variables: number, typeName, deadline.
-->
<#assign subject = "Request no. ${number} is overdue (deadline ${deadline})">
Hello,

The deadline of request no. ${number} ("${typeName}") passed on ${deadline} and it is not resolved.
Its priority is now high. Please see that it is dealt with, or reassign it.

You will find it in the CivicDesk console, among the overdue requests.
