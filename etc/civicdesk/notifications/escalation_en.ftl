<#--
  To the role a request type names for escalation level 2 (R7): the request is still not resolved some working
  days after its deadline; its priority is now urgent.
  Variables: number, typeName, deadline.
-->
<#assign subject = "Escalation: request no. ${number} is still not resolved (deadline ${deadline})">
Hello,

Request no. ${number} ("${typeName}") was due by ${deadline} and is still not resolved, although its
department's supervisors were told. Its priority is now urgent.

You will find it in the CivicDesk console, among the overdue requests.
