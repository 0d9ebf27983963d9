using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Profile;

public static class ProfileCards
{
    public static JsonObject Profile(CultureInfo c, Person me, Person? manager, IReadOnlyList<Person> reports) => Card.Create()
        .Title(me.Name)
        .Facts([
            (T.Get(c, "profile.roles"), string.Join(", ", me.Roles.Order().Select(r => T.Get(c, "role." + r)))),
            (T.Get(c, "profile.manager"), manager?.Name ?? T.Get(c, "profile.none")),
            (T.Get(c, "profile.reports"), reports.Count == 0 ? T.Get(c, "profile.none") : string.Join(", ", reports.Select(p => p.Name))),
        ])
        .Build();

    public static JsonObject Unknown(CultureInfo c, TurnUser user) => Card.Create()
        .Title(user.Name.Length > 0 ? user.Name : T.Get(c, "profile.unknownTitle"))
        .Text(T.Get(c, "profile.unknown"))
        .Build();
}
