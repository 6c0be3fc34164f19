<#ftl output_format="plainText">
<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoEmailKeyHeading">
${msg("kenpoEmailKeyLead", msg("kenpoPortalName"))}
${msg("kenpoEmailKeyInstruction")}

${msg("kenpoEmailKeyMailLabel")}${emailKey}

${msg("kenpoEmailKeyValidity", validityMinutes)}
${msg("kenpoEmailKeyPageClosed")}
${msg("kenpoMailDiscard")}
${msg("kenpoMailNoReply")}
</@kenpo.mail>
