<#--
  To the supervisors of a request's department when a call-back to the citizen about it was not made in its time
  window (R8).
  Variables: number, typeName, deadline.
-->
<#assign subject = "A call-back about request no. ${number} was missed">
Hello,

The citizen of request no. ${number} ("${typeName}") was to be called back, and nobody called in the time agreed.
Please see that they are called, and schedule a new call-back on the request.

You will find it in the CivicDesk console.
