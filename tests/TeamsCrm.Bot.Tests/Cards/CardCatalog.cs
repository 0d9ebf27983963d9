using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Features.Help;
using TeamsCrm.Bot.Features.Profile;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Tests.Cards;

/// <summary>
/// Every card the bot can send, in both languages, with representative data. A card builder that is not
/// listed here fails <see cref="CardRendererTests.Every_card_builder_is_in_the_catalog"/>.
/// </summary>
public static class CardCatalog
{
    public static IEnumerable<(string Name, string Builder, JsonObject Card)> All()
    {
        var commands = Routes.Map(new Router()).Commands;
        var rep = new Person("a", "Li Na", null, new HashSet<Role> { Role.Rep }, "b");
        var leader = new Person("b", "Zhang Wei", null, new HashSet<Role> { Role.Supervisor }, null);
        foreach (var c in new[] { T.English, T.Chinese })
        {
            yield return ($"help.overview.{c.Name}", "HelpCards.Overview", HelpCards.Overview(c, commands));
            foreach (var topic in HelpTopics.All)
                yield return ($"help.topic.{topic}.{c.Name}", "HelpCards.Topic", HelpCards.Topic(c, topic));
            foreach (var kind in Enum.GetValues<ConversationKind>())
                yield return ($"welcome.{kind}.{c.Name}", "HelpCards.Welcome", HelpCards.Welcome(c, kind));
            yield return ($"profile.rep.{c.Name}", "ProfileCards.Profile", ProfileCards.Profile(c, rep, leader, []));
            yield return ($"profile.leader.{c.Name}", "ProfileCards.Profile", ProfileCards.Profile(c, leader, null, [rep]));
            yield return ($"profile.unknown.{c.Name}", "ProfileCards.Unknown", ProfileCards.Unknown(c, new TurnUser("x", "29:x", "Sam")));
            foreach (var card in CustomerCatalog.All(c)) yield return card;
            foreach (var card in VisitCatalog.All(c)) yield return card;
            foreach (var card in CadenceCatalog.All(c)) yield return card;
            foreach (var card in CorrectionCatalog.All(c)) yield return card;
            foreach (var card in ApprovalCatalog.All(c)) yield return card;
            foreach (var card in RequestCatalog.All(c)) yield return card;
            foreach (var card in TargetCatalog.All(c)) yield return card;
            foreach (var card in ReminderCatalog.All(c)) yield return card;
            foreach (var card in DocumentCatalog.All(c)) yield return card;
            foreach (var card in ImportCatalog.All(c)) yield return card;
            foreach (var card in BriefCatalog.All(c)) yield return card;
        }
    }

    public static CultureInfo[] Cultures => [T.English, T.Chinese];
}
