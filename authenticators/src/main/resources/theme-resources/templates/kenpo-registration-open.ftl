<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-registration-open.ftl -->
    <#if section = "header">
        ${msg("kenpoRegistrationOpenTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoRegistrationOpenText") />
        <form id="kenpo-registration-open-form" action="${kenpoOpenAction}" method="post">
            <input type="hidden" name="key" value="${kenpoOpenKey}"/>
            <button class="${properties.kcButtonPrimaryClass} ${properties.kcButtonBlockClass}" type="submit" id="kenpo-registration-open">${msg("kenpoRegistrationOpenButton")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
