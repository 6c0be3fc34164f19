<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-registration-email-sent.ftl -->
    <#if section = "header">
        ${msg("kenpoRegistrationEmailSentTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoRegistrationEmailSentText") />
        <p class="kenpo-notice" id="kenpo-registration-email-not-arrived">${msg("kenpoRegistrationEmailNotArrived")}</p>
        <#if kenpoMailFrom?has_content><p class="kenpo-notice" id="kenpo-mail-sender">${msg("kenpoMailSender", kenpoMailFrom)}</p></#if>
        <@kenpo.loginScreenButton />
    </#if>
</@layout.registrationLayout>
