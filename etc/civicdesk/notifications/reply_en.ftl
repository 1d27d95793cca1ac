<#--
  A staff member's reply to the citizen, written in the console (R16). The request's number is in
  square brackets in the subject: the citizen's answer is added to the same request.
  Variables: number, typeName, comment (the staff member's text), trackingCode, trackingUrl.
-->
<#assign subject = "[${number}] Reply about your request (\"${typeName}\")">
Hello,

${comment}

Request no. ${number} ("${typeName}").
Follow it with the tracking code ${trackingCode}: ${trackingUrl}

Kind regards,
The City Hall

You may reply to this message; keep the number [${number}] in the subject.
