<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-lookup-sent.ftl -->
    <#if section = "header">
        ${msg("kenpoLookupTitle")}
    <#elseif section = "form">
        <#assign delivery = kenpoLookupDelivery!"hold">
        <#if delivery = "approval">
            <@kenpo.intro text=msg("kenpoLookupSentApproval") />
        <#elseif delivery = "post">
            <@kenpo.intro text=msg("kenpoLookupSentPost") />
        <#else>
            <@kenpo.intro text=msg("kenpoLookupSentText", realm.displayName!realm.name) />
        </#if>
        <ul class="kenpo-notes" id="kenpo-lookup-sent-notes">
            <#if delivery = "hold"><li id="kenpo-lookup-sent-hold">${msg("kenpoLookupSentHold", kenpoLookupHoldHours!24)}</li></#if>
            <#if delivery != "post"><li>${msg("kenpoLookupOnce")}</li></#if>
            <li>${msg("kenpoLookupSentNotArrived")}</li>
            <#if kenpoMailFrom?has_content><li id="kenpo-mail-sender">${msg("kenpoMailSender", kenpoMailFrom)}</li></#if>
        </ul>
        <@kenpo.loginScreenButton />
    </#if>
</@layout.registrationLayout>
