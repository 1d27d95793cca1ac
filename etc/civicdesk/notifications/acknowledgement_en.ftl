<#--
  Acknowledgement of a filing (R5): the number, the deadline and the tracking link, all at once.
  Variables: number, typeName, deadline, trackingCode, trackingUrl, portalUrl.
-->
<#assign subject = "Your request has been registered as no. ${number}">
Hello,

Your request ("${typeName}") has been registered by the City Hall
as number ${number}.

It will be resolved by ${deadline}.

You can follow it at any time with the tracking code ${trackingCode}:
${trackingUrl}

Thank you,
The City Hall

This is an automatic message; please do not reply to it.
