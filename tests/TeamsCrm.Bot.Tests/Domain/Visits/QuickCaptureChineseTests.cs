using TeamsCrm.Bot.Domain.Visits;
using static TeamsCrm.Bot.Domain.Visits.VisitMethod;

namespace TeamsCrm.Bot.Tests.Domain.Visits;

public class QuickCaptureChineseTests
{
    // 2026年11月18日 星期三, Shanghai.
    static readonly DateTimeOffset Now = Zones.At("2026-11-18T10:00:00+08:00");

    [Theory]
    [InlineData("今天拜访了华为，和王经理谈了价格，下周五前发报价",
        "华为", "2026-11-18", true, "王经理", "谈了价格", "发报价", "2026-11-27", OnSite)]
    [InlineData("昨天去了中兴，见了李总。下一步：安排产品演示",
        "中兴", "2026-11-17", true, "李总", null, "安排产品演示", null, OnSite)]
    [InlineData("拜访华为技术有限公司，讨论了合同条款",                  // no date, no contact
        "华为技术有限公司", "2026-11-18", false, null, "讨论了合同条款", null, null, OnSite)]
    [InlineData("电话拜访了腾讯，跟张经理沟通了交期问题，然后下周一发样品",
        "腾讯", "2026-11-18", false, "张经理", "沟通了交期问题", "发样品", "2026-11-23", Phone)]
    [InlineData("前天拜访了阿里巴巴的刘总，聊了续约",
        "阿里巴巴", "2026-11-16", true, "刘总", "聊了续约", null, null, OnSite)]
    [InlineData("周一拜访了京东，客户没有预算",                          // a bare weekday in a report is the past one
        "京东", "2026-11-16", true, null, "客户没有预算", null, null, OnSite)]
    [InlineData("拜访了同仁堂",                                          // 同 starts the name, it is not "with"
        "同仁堂", "2026-11-18", false, null, null, null, null, OnSite)]
    [InlineData("今天拜访了比亚迪、和李工谈了电池价格。",
        "比亚迪", "2026-11-18", true, "李工", "谈了电池价格", null, null, OnSite)]
    [InlineData("１１月１６日拜访了美的，与陈经理就价格进行了沟通；１１月２５日前回复报价",
        "美的", "2026-11-16", true, "陈经理", "就价格进行了沟通", "回复报价", "2026-11-25", OnSite)]
    [InlineData("和王经理谈了价格",                                      // no customer: the handler asks
        null, "2026-11-18", false, "王经理", "谈了价格", null, null, null)]
    [InlineData("今天拜访华为和王经理谈了价格下周五前发报价",            // no punctuation at all
        "华为", "2026-11-18", true, "王经理", "谈了价格", "发报价", "2026-11-27", OnSite)]
    [InlineData("昨天视频拜访了小米",
        "小米", "2026-11-17", true, null, null, null, null, Video)]
    [InlineData("上周五拜访了格力，明天再跟进",                          // a future date without a marker is the next action
        "格力", "2026-11-13", true, null, null, "再跟进", "2026-11-19", OnSite)]
    [InlineData("拜访了中和的王总，接下来：月底前签合同",
        "中和", "2026-11-18", false, "王总", null, "签合同", "2026-11-30", OnSite)]
    [InlineData("今天拜访了ＡＢＢ（中国）有限公司，见了采购部赵经理。",
        "ABB(中国)有限公司", "2026-11-18", true, "采购部赵经理", null, null, null, OnSite)]
    [InlineData("跟王经理拜访了华为，谈了价格",                          // the contact before the visit verb
        "华为", "2026-11-18", false, "王经理", "谈了价格", null, null, OnSite)]
    public void Reads_chinese_notes(string text, string? customer, string date, bool stated, string? contact, string? topic,
        string? next, string? due, VisitMethod? method)
    {
        var c = QuickCapture.Parse(text, Now, Zones.Shanghai);
        Assert.Equal(
            (customer, Zones.D(date), stated, contact, topic, next, due is null ? (DateOnly?)null : Zones.D(due), method),
            (c.CustomerCandidate, c.VisitDate, c.VisitDateStated, c.Contact, c.Topic, c.NextAction, c.NextActionDate, c.Method));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("，。、")]
    public void Empty_notes_give_an_empty_draft_for_today(string text)
    {
        var c = QuickCapture.Parse(text, Now, Zones.Shanghai);
        Assert.Equal(new VisitCapture(null, Zones.D("2026-11-18"), false, null, null, null, null, null), c);
    }

    [Fact]
    public void Several_topic_fragments_are_kept_and_joined_with_a_chinese_comma()
    {
        var c = QuickCapture.Parse("拜访了华为，看了新产线，客户很满意", Now, Zones.Shanghai);
        Assert.Equal("看了新产线，客户很满意", c.Topic);
    }
}
