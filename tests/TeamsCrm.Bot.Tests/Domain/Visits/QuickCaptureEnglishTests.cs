using TeamsCrm.Bot.Domain.Visits;
using static TeamsCrm.Bot.Domain.Visits.VisitMethod;

namespace TeamsCrm.Bot.Tests.Domain.Visits;

public class QuickCaptureEnglishTests
{
    // Wednesday 18 November 2026 in Shanghai; "Friday" ahead is the 20th, behind the 13th.
    static readonly DateTimeOffset Now = Zones.At("2026-11-18T10:00:00+08:00");

    [Theory]
    [InlineData("visited Acme today, met Wang about pricing, next: send quote Friday",
        "Acme", "2026-11-18", true, "Wang", "pricing", "send quote", "2026-11-20", OnSite)]
    [InlineData("Visited Acme Corp. yesterday and discussed the new order",
        "Acme Corp", "2026-11-17", true, null, "discussed the new order", null, null, OnSite)]
    [InlineData("called Globex, spoke to Ms. Li about the delivery delay",
        "Globex", "2026-11-18", false, "Ms. Li", "the delivery delay", null, null, Phone)]
    [InlineData("went to Initech on Monday with Peter, demo went well. Next step: send trial licence by next Friday",
        "Initech", "2026-11-16", true, "Peter", "demo went well", "send trial licence", "2026-11-27", OnSite)]
    [InlineData("emailed Hooli about the revised offer",
        "Hooli", "2026-11-18", false, null, "the revised offer", null, null, Email)]
    [InlineData("met Wang yesterday about renewal",                        // no customer: the handler asks
        null, "2026-11-17", true, "Wang", "renewal", null, null, null)]
    [InlineData("visited Acme",                                            // no date, contact, topic or next action
        "Acme", "2026-11-18", false, null, null, null, null, OnSite)]
    [InlineData("visited Acme on 11/16; they want a discount; follow-up: call back tomorrow",
        "Acme", "2026-11-16", true, null, "they want a discount", "call back", "2026-11-19", OnSite)]
    [InlineData("visited Acme last Friday, will send quote by 11/25",      // a deadline starts the next action
        "Acme", "2026-11-13", true, null, null, "send quote", "2026-11-25", OnSite)]
    [InlineData("Visited Acme yesterday; next steps: demo in 3 days",
        "Acme", "2026-11-17", true, null, null, "demo", "2026-11-21", OnSite)]
    [InlineData("dropped by Umbrella Corp this morning - signed the contract!",
        "Umbrella Corp", "2026-11-18", true, null, "signed the contract", null, null, OnSite)]
    [InlineData("visited Acme Friday, met Wang. Next: call him tomorrow",  // a bare weekday in the report is the past one
        "Acme", "2026-11-13", true, "Wang", null, "call him", "2026-11-19", OnSite)]
    [InlineData("video called Stark Industries with Pepper re budget",
        "Stark Industries", "2026-11-18", false, "Pepper", "budget", null, null, Video)]
    [InlineData("phone visit to Wayne Enterprises: budget frozen until March",
        "Wayne Enterprises", "2026-11-18", false, null, "budget frozen until March", null, null, Phone)]
    [InlineData("visited Acme, they complained about an email from support",   // a channel word later on says nothing about the method
        "Acme", "2026-11-18", false, null, "they complained about an email from support", null, null, OnSite)]
    public void Reads_english_notes(string text, string? customer, string date, bool stated, string? contact, string? topic,
        string? next, string? due, VisitMethod? method)
    {
        var c = QuickCapture.Parse(text, Now, Zones.Shanghai);
        Assert.Equal(
            (customer, Zones.D(date), stated, contact, topic, next, due is null ? (DateOnly?)null : Zones.D(due), method),
            (c.CustomerCandidate, c.VisitDate, c.VisitDateStated, c.Contact, c.Topic, c.NextAction, c.NextActionDate, c.Method));
    }

    [Fact]
    public void Full_width_text_from_an_ime_reads_the_same_and_comes_back_folded()
    {
        var c = QuickCapture.Parse("Ｖｉｓｉｔｅｄ ＡＣＭＥ　Ｌｔｄ，met Mr. Wang，discussed pricing；next：send quote ｂｙ Ｆｒｉｄａｙ", Now, Zones.Shanghai);
        Assert.Equal("ACME Ltd", c.CustomerCandidate);
        Assert.Equal("Mr. Wang", c.Contact);
        Assert.Equal("discussed pricing", c.Topic);
        Assert.Equal("send quote", c.NextAction);
        Assert.Equal(Zones.D("2026-11-20"), c.NextActionDate);
    }

    [Fact]
    public void Today_is_the_reps_today()
    {
        // 03:00 UTC on the 18th is still the evening of the 17th in Los Angeles.
        var c = QuickCapture.Parse("visited Acme", Zones.At("2026-11-18T03:00:00Z"), Zones.LosAngeles);
        Assert.Equal(Zones.D("2026-11-17"), c.VisitDate);
        Assert.False(c.VisitDateStated);
    }

    [Fact]
    public void Text_with_nothing_recognisable_is_all_topic()
    {
        var c = QuickCapture.Parse("good meeting, they liked the demo", Now, Zones.Shanghai);
        Assert.Null(c.CustomerCandidate);
        Assert.Null(c.Contact);
        Assert.Equal("good meeting, they liked the demo", c.Topic);
        Assert.Null(c.NextAction);
        Assert.Null(c.Method);
    }
}
