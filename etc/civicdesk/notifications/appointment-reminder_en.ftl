<#--
  The reminder of an appointment at a counter, sent the day before (R8) to a citizen with an e-mail address.
  Variables: serviceName (Romanian), serviceNameEn, date (dd.mm.yyyy), time (hh:mm), counter, requestNumber (empty when it is about no request),
  portalUrl.
-->
<#assign subject = "Your appointment tomorrow, ${date}, at ${time}">
Hello,

This is to remind you that tomorrow, ${date}, at ${time}, you have an appointment at the City Hall for "${serviceNameEn}".
<#if counter?has_content>Please come to ${counter}.</#if>
<#if requestNumber?has_content>The appointment is about request no. ${requestNumber}.</#if>

Bring your identity card. If you cannot come, please let us know on the City Hall's single number so that the place
can be given to someone else.

Kind regards,
The City Hall
