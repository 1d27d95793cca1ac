<#--
  The closure of a request (a final status: resolved, rejected, closed), with the public comment.
  Variables: number, typeName, status, comment, trackingCode, trackingUrl, rateUrl (the satisfaction
  question: the portal opens the request at its rating form).
-->
<#include "statuses_en.ftl">
<#assign subject = "Request no. ${number} has been closed: ${statusName(status)}">
Hello,

Your request no. ${number} ("${typeName}") has been closed: ${statusName(status)}.
<#if comment?has_content>

The officer's message:
${comment}
</#if>

How satisfied are you with how your request was handled? Rate it from 1 (not at all)
to 5 (very satisfied) and tell us why, if you wish, in a minute:
${rateUrl}

Its history stays available with the code ${trackingCode}: ${trackingUrl}

Thank you for writing to us,
The City Hall

This is an automatic message; please do not reply to it.
