<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoEmailKeyHeading">
<p>${msg("kenpoEmailKeyLead", msg("kenpoPortalName"))}<br>${msg("kenpoEmailKeyInstruction")}</p>
<p style="font-size:1.4em;">${msg("kenpoEmailKeyMailLabel")}<strong id="email-key" style="letter-spacing:0.1em;">${emailKey}</strong></p>
<p>${msg("kenpoEmailKeyValidity", validityMinutes)}<br>
${msg("kenpoEmailKeyPageClosed")}<br>
${msg("kenpoMailDiscard")}<br>
${msg("kenpoMailNoReply")}</p>
</@kenpo.mail>
