<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoLookupNoticeHeading">
<p>${msg("kenpoLookupNoticeLead")}<br>${msg("kenpoLookupNoticeAt", requestedAt)}<#if opensAt??><br>${msg("kenpoLookupNoticeOpensAt", opensAt)}</#if></p>
<#if approveLink??>
<p>${msg("kenpoLookupNoticeApprove")}</p>
<p><a href="${approveLink}">${approveLink}</a></p>
</#if>
<p>${msg("kenpoLookupNoticeStop")}</p>
<p><a href="${stopLink}">${stopLink}</a></p>
<p>${msg("kenpoLookupNoticeContact", unionName)}<br>${msg("kenpoMailNoReply")}</p>
</@kenpo.mail>
