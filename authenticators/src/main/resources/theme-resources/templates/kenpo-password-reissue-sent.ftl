<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-password-reissue-sent.ftl -->
    <#if section = "header">
        ${msg("kenpoReissueTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoReissueSentText") />
        <ul class="kenpo-notes" id="kenpo-reissue-sent-notes">
            <li>${msg("kenpoReissueSentSpam")}</li>
            <#if kenpoMailFrom?has_content><li id="kenpo-mail-sender">${msg("kenpoMailSender", kenpoMailFrom)}</li></#if>
            <li>${msg("kenpoReissueSentNoAddress")}</li>
        </ul>
        <@kenpo.loginScreenButton />
    </#if>
</@layout.registrationLayout>
