using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>"new customer": choose the kind, fill the form, and the file is created as pending (档案审批) unless it is a duplicate.</summary>
public static class NewCustomerHandler
{
    public static async Task<Reply> Start(Turn turn, IDirectory directory, CancellationToken ct) =>
        Refusal(await directory.FindAsync(turn.User.AadObjectId, ct)) is { } refusal
            ? Reply.Text(T.Get(turn.Culture, refusal))
            : Reply.Card(NewCustomerCards.Choose(turn.Culture));

    /// <summary>The kind was chosen: the chooser becomes the form, with the submission id the file will be created under.</summary>
    public static async Task<Reply> Form(Turn turn, IDirectory directory, CancellationToken ct)
    {
        var c = turn.Culture;
        if (Refusal(await directory.FindAsync(turn.User.AadObjectId, ct)) is { } refusal) return Reply.ReplaceCard(CustomerCards.NotAllowed(c, refusal));
        if (KindOf(turn) is not { } kind) return Reply.Text(T.Get(c, "help.staleCard"));
        var defaults = FormState.Fresh(("category", nameof(CustomerCategory.New)), ("tier", nameof(CustomerTier.General)),
            ("contactRole", nameof(ContactRole.Primary)));
        return Reply.ReplaceCard(NewCustomerCards.Form(c, kind, SubmissionIds.New(), defaults));
    }

    public static async Task<Reply> Create(Turn turn, ICrmArchive archive, IDirectory directory, ApprovalDesk approvals, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (Refusal(me) is { } refusal) return Reply.ReplaceCard(CustomerCards.NotAllowed(c, refusal));
        if (KindOf(turn) is not { } kind || SubmissionIds.Parse(turn.DataString("submissionId")) is not { } submissionId)
            return Reply.Text(T.Get(c, "help.staleCard"));

        var form = new FormReader(turn.Data, c);
        var basics = CustomerBasics.Read(form, kind);
        var contact = ContactForm.Read(form, required: kind == CustomerKind.Enterprise);
        if (basics is null || !form.IsValid)
            return Reply.ReplaceCard(NewCustomerCards.Form(c, kind, submissionId, new FormState(turn.Data, form.Errors)));

        var files = archive.Customers;
        var duplicates = await Duplicates.FindAsync(files, basics.Name, basics.Phone, basics.CreditCode, basics.Aliases, exceptNumber: null, ct);
        if (duplicates.FirstOrDefault(d => CustomerAccess.Owns(me!, d.File)) is { } mine)
            return Reply.ReplaceCard(NewCustomerCards.AlreadyYours(c, mine.File));
        if (duplicates.Count > 0)
        {
            // Someone else's customer: who owns it (to ask for access), and not one detail of the file.
            var owners = new List<string>();
            foreach (var d in duplicates)
            {
                var owner = await CustomerPages.NameOfAsync(directory, d.File.OwnerAadObjectId, ct);
                form.Fail(d.Field, "customers.duplicateField", owner);
                if (!owners.Contains(owner)) owners.Add(owner);
            }
            var notice = T.Get(c, "newCustomer.duplicate", string.Join(", ", owners));
            return Reply.ReplaceCard(NewCustomerCards.Form(c, kind, submissionId, new FormState(turn.Data, form.Errors), notice));
        }

        var customer = await files.CreateAsync(basics.ToDraft(kind, me!.AadObjectId, contact), submissionId, ct);
        if (!CustomerAccess.Owns(me, customer))   // a submission id copied from someone else's card: theirs, not to be shown
            return Reply.ReplaceCard(CustomerCards.NotAllowed(c, "customers.notYourForm"));
        // 档案审批: the file waits for the direct leader, who gets the request in their 1:1 chat.
        var filing = await approvals.FileAsync(turn, ApprovalKind.NewFile, customer.Number, customer.Name, new ApprovalPayload(),
            "new:" + customer.Number, ct);
        var leader = await directory.ManagerOfAsync(me.AadObjectId, ct);
        return Reply.ReplaceCard(NewCustomerCards.Filed(c, customer, leader?.Name, filing.Notice));
    }

    /// <summary>Someone in no role hears that the archive is not open to them; customer service, that they own no customers.</summary>
    static string? Refusal(Person? me) =>
        !CustomerAccess.MayQuery(me) ? "customers.mayNotQuery" : !CustomerAccess.MayCreate(me) ? "customers.mayNotCreate" : null;

    static CustomerKind? KindOf(Turn turn) => turn.DataString("kind") switch
    {
        nameof(CustomerKind.Enterprise) => CustomerKind.Enterprise,
        nameof(CustomerKind.Individual) => CustomerKind.Individual,
        _ => null,
    };
}
