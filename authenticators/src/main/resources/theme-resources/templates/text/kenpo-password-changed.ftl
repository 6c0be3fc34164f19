<#ftl output_format="plainText">
<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoPasswordChangedHeading">
${msg("kenpoPasswordChangedLead", loginId)}
${msg("kenpoPasswordChangedAt", changedAt)}

${msg("kenpoPasswordChangedNotYou", unionName)}
${msg("kenpoMailNoReply")}
</@kenpo.mail>
