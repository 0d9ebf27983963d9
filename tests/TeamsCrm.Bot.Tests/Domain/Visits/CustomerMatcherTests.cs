using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Tests.Domain.Visits;

public class CustomerMatcherTests
{
    static readonly (string Number, string Name)[] Book =
    [
        ("C-2026-00001", "Acme Co., Ltd."),
        ("C-2026-00002", "Acme Trading GmbH"),
        ("C-2026-00003", "Globex Corporation"),
        ("C-2026-00004", "华为技术有限公司"),
        ("C-2026-00005", "华为终端有限公司"),
        ("C-2026-00006", "深圳市腾讯计算机系统有限公司"),
        ("C-2026-00007", "ABB（中国）有限公司"),
        ("C-2026-00008", "Initech Inc."),
        ("C-2026-00009", "美的集团股份有限公司"),
        ("C-2026-00010", "Umbrella Holdings"),
    ];

    static CustomerMatches Match(string text) => CustomerMatcher.Match(text, Book);

    [Theory]
    [InlineData("ACME Co., Ltd.", "acme")]
    [InlineData("Ａｃｍｅ　Ｌｔｄ", "acme")]         // full-width from an IME
    [InlineData("the Acme company", "acme")]
    [InlineData("acme co ltd", "acme")]
    [InlineData("Globex Corporation", "globex")]
    [InlineData("华为技术有限公司", "华为技术")]
    [InlineData("美的集团股份有限公司", "美的")]
    [InlineData("ABB（中国）有限公司", "abb中国")]
    [InlineData("Group", "group")]                   // a suffix alone stays a name
    [InlineData("有限公司", "有限公司")]
    public void Names_are_compared_without_case_width_punctuation_and_legal_suffixes(string name, string key) =>
        Assert.Equal(key, CompanyNameKey.Of(name));

    [Theory]
    [InlineData("Globex", "C-2026-00003")]
    [InlineData("globex corp.", "C-2026-00003")]
    [InlineData("Initech", "C-2026-00008")]
    [InlineData("c-2026-00010", "C-2026-00010")]     // a typed number is exact
    [InlineData("美的", "C-2026-00009")]
    [InlineData("Acme Ltd", "C-2026-00001")]          // exact beats Acme Trading's prefix
    public void A_single_exact_match_is_sure(string text, string number)
    {
        var m = Match(text);
        Assert.Equal(MatchVerdict.Sure, m.Verdict);
        Assert.Equal(number, m.Sure!.Number);
        Assert.Equal(1.0, m.Sure.Confidence);
    }

    [Fact]
    public void Exact_ranks_above_prefix_above_contains_above_a_near_spelling()
    {
        (string, string)[] book = [("1", "Akme"), ("2", "Big Acme"), ("3", "Acme"), ("4", "Acme Trading")];
        var m = CustomerMatcher.Match("acme", book);
        Assert.Equal(["3", "4", "2", "1"], m.Ranked.Select(r => r.Number));
        Assert.Equal([MatchKind.Exact, MatchKind.Prefix, MatchKind.Contains, MatchKind.Similar], m.Ranked.Select(r => r.Kind));
        Assert.True(m.Ranked.Zip(m.Ranked.Skip(1)).All(p => p.First.Confidence > p.Second.Confidence));
    }

    [Fact]
    public void Two_close_candidates_make_the_user_choose()
    {
        var m = Match("华为");
        Assert.Equal(MatchVerdict.Choose, m.Verdict);
        Assert.Null(m.Sure);
        Assert.Equal(["C-2026-00004", "C-2026-00005"], m.Ranked.Select(r => r.Number).Order());
    }

    [Fact]
    public void Two_customers_with_the_same_normalised_name_are_never_picked_silently()
    {
        (string, string)[] book = [("1", "Acme Ltd"), ("2", "ACME Inc.")];
        var m = CustomerMatcher.Match("Acme", book);
        Assert.Equal(MatchVerdict.Choose, m.Verdict);
        Assert.Equal(2, m.Ranked.Count);
    }

    [Theory]
    [InlineData("腾讯", "C-2026-00006", MatchKind.Contains)]       // inside 深圳市腾讯计算机系统
    [InlineData("华为终端", "C-2026-00005", MatchKind.Exact)]
    [InlineData("ABB", "C-2026-00007", MatchKind.Prefix)]
    [InlineData("Umbrella", "C-2026-00010", MatchKind.Exact)]       // Holdings is a suffix
    [InlineData("Globxe", "C-2026-00003", MatchKind.Similar)]       // swapped letters
    [InlineData("Initek", "C-2026-00008", MatchKind.Similar)]
    public void Matches_by_containment_prefix_or_spelling(string text, string number, MatchKind kind)
    {
        var m = Match(text);
        Assert.Equal(number, m.Ranked[0].Number);
        Assert.Equal(kind, m.Ranked[0].Kind);
    }

    [Fact]
    public void A_single_plausible_but_inexact_candidate_is_for_the_user_to_confirm()
    {
        Assert.Equal(MatchVerdict.Confirm, Match("腾讯").Verdict);
        Assert.Equal(MatchVerdict.Confirm, Match("Globxe").Verdict);
        Assert.Null(Match("Globxe").Sure);
    }

    [Fact]
    public void A_longer_mention_containing_a_chinese_name_finds_it()
    {
        var m = CustomerMatcher.Match("华为技术有限公司深圳研究所", [("1", "华为技术"), ("2", "中兴通讯")]);
        Assert.Equal("1", m.Ranked.Single().Number);
        Assert.Equal(MatchKind.Contains, m.Ranked[0].Kind);
    }

    [Theory]
    [InlineData("华")]              // one character says too little
    [InlineData("me")]              // two letters are too short to be inside a name
    [InlineData("Wayne")]
    [InlineData("中兴")]
    [InlineData("")]
    [InlineData("Ltd.")]
    public void Nothing_close_enough_is_no_match(string text)
    {
        var m = Match(text);
        Assert.Equal(MatchVerdict.None, m.Verdict);
        Assert.Empty(m.Ranked);
    }

    [Fact]
    public void Two_letters_still_find_names_that_start_with_them()
    {
        var m = Match("ac");
        Assert.Equal(MatchVerdict.Choose, m.Verdict);
        Assert.Equal(["C-2026-00001", "C-2026-00002"], m.Ranked.Select(r => r.Number));
    }

    [Fact]
    public void Chinese_names_are_not_matched_by_spelling_distance()
    {
        Assert.Equal(MatchVerdict.None, CustomerMatcher.Match("华伟", [("1", "华为")]).Verdict);
    }

    [Fact]
    public void The_list_is_cut_to_the_maximum_but_never_hides_an_exact_match()
    {
        var book = Enumerable.Range(1, 10).Select(i => (i.ToString(), $"Acme {i}")).Append(("x", "Acme")).ToArray();
        var m = CustomerMatcher.Match("acme", book, max: 3);
        Assert.Equal(3, m.Ranked.Count);
        Assert.Equal("x", m.Ranked[0].Number);
        Assert.Equal(MatchVerdict.Sure, m.Verdict);
    }

    [Fact]
    public void A_quick_capture_candidate_resolves_against_the_customers()
    {
        var capture = QuickCapture.Parse("今天拜访了美的，与陈经理谈了价格", Zones.At("2026-11-18T10:00:00+08:00"), Zones.Shanghai);
        Assert.Equal("C-2026-00009", Match(capture.CustomerCandidate!).Sure?.Number);
    }
}
