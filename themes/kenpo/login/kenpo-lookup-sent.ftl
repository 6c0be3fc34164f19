<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-lookup-sent.ftl -->
    <#if section = "header">
        ${msg("kenpoLookupTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoLookupSentText", realm.displayName!realm.name) />
        <ul class="kenpo-notes" id="kenpo-lookup-sent-notes">
            <li>${msg("kenpoLookupOnce")}</li>
            <li>${msg("kenpoLookupSentNotArrived")}</li>
        </ul>
        <@kenpo.loginScreenButton />
    </#if>
</@layout.registrationLayout>
