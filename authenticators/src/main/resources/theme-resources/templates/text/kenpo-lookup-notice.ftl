<#ftl output_format="plainText">
<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoLookupNoticeHeading">
${msg("kenpoLookupNoticeLead")}
${msg("kenpoLookupNoticeAt", requestedAt)}
<#if opensAt??>
${msg("kenpoLookupNoticeOpensAt", opensAt)}
</#if>
<#if approveLink??>

${msg("kenpoLookupNoticeApprove")}
${approveLink}
</#if>

${msg("kenpoLookupNoticeStop")}
${stopLink}

${msg("kenpoLookupNoticeContact", unionName)}
${msg("kenpoMailNoReply")}
</@kenpo.mail>
