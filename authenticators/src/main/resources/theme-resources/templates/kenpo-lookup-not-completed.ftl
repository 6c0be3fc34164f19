<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-lookup-not-completed.ftl -->
    <#if section = "header">
        ${msg("kenpoLookupRevealTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoLookupNotCompleted") />
        <p class="kenpo-notice" id="kenpo-lookup-not-completed">${msg("kenpoLookupNotCompletedHelp", kenpoUnion)}</p>
        <@kenpo.loginScreenButton href=(kenpoLoginUrl!"") />
    </#if>
</@layout.registrationLayout>
