using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Tests.Access;

/// <summary>The audience rule as plain C#: what a conversation may see of a file is what its least-privileged member may.</summary>
public class AudienceTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    static readonly Person Owner = P("rep-1", Role.Rep, manager: "leader");
    static readonly Person OtherRep = P("rep-2", Role.Rep, manager: "leader");
    static readonly Person Leader = P("leader", Role.Supervisor);
    static readonly Person Manager = P("manager", Role.SalesManager);
    static readonly Person Nobody = P("hr");   // in the directory, in no sales role
    static readonly Customer File = new()
    {
        Number = "C-2026-00001", Kind = CustomerKind.Enterprise, Name = "Huadong Precision", OwnerAadObjectId = "rep-1",
        Status = CustomerStatus.Active, CreatedAt = Now, UpdatedAt = Now,
    };

    static Person P(string id, Role? role = null, string? manager = null) =>
        new(id, id, null, role is { } r ? new HashSet<Role> { r } : new HashSet<Role>(), manager);

    static FileView ViewFor(Audience audience, params AccessGrant[] grants) => audience.ViewOf(File, "leader", grants, Now);

    [Fact]
    public void A_personal_chat_is_its_one_person()
    {
        Assert.Equal(FileView.Full, ViewFor(Audience.Of([Owner])));
        Assert.Equal(FileView.Redacted, ViewFor(Audience.Of([OtherRep])));
        Assert.True(Audience.Of([Owner]).IsOnly(Owner));
    }

    [Fact]
    public void A_shared_conversation_sees_what_its_least_privileged_member_may()
    {
        Assert.Equal(FileView.Full, ViewFor(Audience.Of([Owner, Leader, Manager])));
        Assert.Equal(FileView.Redacted, ViewFor(Audience.Of([Owner, Leader, Manager, OtherRep])));
        Assert.Equal(FileView.None, ViewFor(Audience.Of([Manager, Nobody])));
        Assert.False(Audience.Of([Owner, Manager]).IsOnly(Owner));
    }

    [Fact]
    public void A_grant_lifts_its_holder_but_only_while_it_runs()
    {
        var grant = new AccessGrant(File.Number, "rep-2", "manager", Now.AddDays(-1), Now.AddDays(6));
        Assert.Equal(FileView.Full, ViewFor(Audience.Of([Manager, OtherRep]), grant));
        Assert.Equal(FileView.Redacted, ViewFor(Audience.Of([Manager, OtherRep]), grant with { Until = Now }));
    }

    [Fact]
    public void Strangers_or_an_unreadable_roster_see_nothing_of_the_archive()
    {
        Assert.Equal(FileView.None, ViewFor(Audience.WithStrangers([Manager])));
        Assert.Equal(FileView.None, ViewFor(Audience.WithStrangers([])));
        Assert.Equal(FileView.None, ViewFor(Audience.Of([])));
        Assert.False(Audience.WithStrangers([Manager]).MayAllQuery);
        Assert.False(Audience.WithStrangers([Manager]).IsOnly(Manager));
        Assert.True(Audience.Of([Manager, OtherRep]).MayAllQuery);
    }
}
