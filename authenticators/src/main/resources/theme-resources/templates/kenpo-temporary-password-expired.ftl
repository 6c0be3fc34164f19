<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-temporary-password-expired.ftl -->
    <#if section = "header">
        ${msg("kenpoTemporaryPasswordExpiredTitle")}
    <#elseif section = "form">
        <#if kenpoExpiredKind == "lookup">
            <@kenpo.intro text=msg("kenpoLookupPasswordExpiredText", kenpoValidity) />
            <p class="kenpo-notice" id="kenpo-expired-next">${msg("kenpoLookupPasswordExpiredNext")}</p>
            <#if kenpoLookupUrl??>
            <div class="kenpo-links">
                <a id="kenpo-lookup-again" class="${properties.kcButtonPrimaryClass} ${properties.kcButtonBlockClass}" href="${kenpoLookupUrl}">${msg("kenpoLookupAgainButton")}</a>
            </div>
            </#if>
        <#else>
            <@kenpo.intro text=msg("kenpoLetterPasswordExpiredText", kenpoValidity) />
            <p class="kenpo-notice" id="kenpo-expired-next">${msg("kenpoLetterPasswordExpiredNext", msg("kenpoLetterTitle"))}</p>
        </#if>
        <@kenpo.loginScreenButton />
    </#if>
</@layout.registrationLayout>
