package dev.tandem.server.domain.programs;

import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;
import dev.tandem.core.program.PeriodCosts;
import dev.tandem.core.program.Program;
import dev.tandem.core.program.ProgramType;
import dev.tandem.server.domain.Batches;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.domain.Timestamps;
import dev.tandem.server.store.ChannelDao;
import dev.tandem.server.store.ProgramDao;
import dev.tandem.server.store.SqlErrors;
import dev.tandem.server.store.StoredChannel;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Programs and channels. Each write is one transaction that also runs the program-change listeners. */
public final class ProgramService {

    /** Largest page of programs or channels, as Marketo's asset API. */
    public static final int MAX_RETURN = 200;

    private final Jdbi jdbi;
    private final Clock clock;
    private final ProgramDao programs = new ProgramDao();
    private final ChannelDao channels = new ChannelDao();
    private final List<ProgramChangeListener> listeners = new CopyOnWriteArrayList<>();

    public ProgramService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Registers a listener told of every program write from now on. */
    public void addListener(ProgramChangeListener listener) {
        listeners.add(listener);
    }

    /**
     * Creates a program. Refuses a blank or taken name, an unknown channel, or a channel that does not apply to
     * the type. One transaction.
     */
    public Program create(NewProgram request) {
        String name = validName(request.name());
        if (request.type() == null) {
            throw DomainException.blank("type");
        }
        if (request.channel() == null || request.channel().isBlank()) {
            throw DomainException.blank("channel");
        }
        return uniqueName(name, () -> jdbi.inTransaction(tx -> {
            StoredChannel channel = channels.byName(tx, request.channel())
                    .orElseThrow(() -> DomainException.notFound("channel: no channel named '" + request.channel() + "'"));
            if (!channel.channel().appliesTo(request.type())) {
                throw DomainException.invalid("channel: '" + request.channel() + "' applies to "
                        + channel.channel().applicableProgramType().apiName() + " programs, not "
                        + request.type().apiName());
            }
            if (programs.nameTaken(tx, name, -1)) {
                throw DomainException.conflict("name: a program named '" + name + "' already exists");
            }
            Instant now = Timestamps.now(clock);
            long id = programs.insert(tx, name, request.description(), request.type(), channel.channel().id(),
                    request.costs(), now);
            Program created = programs.byId(tx, id).orElseThrow();
            notify(tx, new ProgramChange(null, created, now));
            return created;
        }));
    }

    /** The program with this id. */
    public Optional<Program> get(long id) {
        return jdbi.withHandle(h -> programs.byId(h, id));
    }

    /** The program with exactly this name. */
    public Optional<Program> byName(String name) {
        return jdbi.withHandle(h -> programs.byName(h, name));
    }

    /** The program linked to a Salesforce campaign. */
    public Optional<Program> bySalesforceCampaign(String campaignId) {
        return jdbi.withHandle(h -> programs.bySfdcCampaignId(h, campaignId));
    }

    /** Programs in id order: {@code maxReturn} (1..200) from {@code offset}. */
    public List<Program> browse(int maxReturn, int offset) {
        Batches.requirePageSize("maxReturn", maxReturn, MAX_RETURN);
        if (offset < 0) {
            throw DomainException.invalid("offset: must be 0 or more, was " + offset);
        }
        return jdbi.withHandle(h -> programs.list(h, maxReturn, offset));
    }

    /**
     * Updates name, description and costs (appended, or replaced when destructive). Channel and type never
     * change after creation. One transaction, with the program row locked.
     */
    public Program update(long id, ProgramUpdate update) {
        String newName = update.name() == null ? null : validName(update.name());
        return uniqueName(newName, () -> jdbi.inTransaction(tx -> {
            Program before = lockedProgram(tx, id);
            if (newName != null && programs.nameTaken(tx, newName, id)) {
                throw DomainException.conflict("name: a program named '" + newName + "' already exists");
            }
            Instant now = Timestamps.now(clock);
            String name = newName != null ? newName : before.name();
            String description = update.description() != null ? update.description() : before.description();
            programs.rename(tx, id, name, description, now);
            PeriodCosts costs = update.costsDestructiveUpdate()
                    ? before.costs().replace(update.costs())
                    : before.costs().append(update.costs());
            if (!costs.equals(before.costs())) {
                programs.replaceCosts(tx, id, costs.entries(), now);
            }
            Program after = programs.byId(tx, id).orElseThrow();
            notify(tx, new ProgramChange(before, after, now));
            return after;
        }));
    }

    /** Deletes the program with its costs and memberships. One transaction. */
    public void delete(long id) {
        jdbi.useTransaction(tx -> {
            Program before = lockedProgram(tx, id);
            programs.delete(tx, id);
            notify(tx, new ProgramChange(before, null, Timestamps.now(clock)));
        });
    }

    /**
     * Links the program to a Salesforce campaign within the caller's transaction (the sync checks status
     * compatibility first). Refuses a campaign already linked to another program.
     */
    public Program linkSalesforceCampaign(Handle tx, long id, String campaignId, String campaignName) {
        if (campaignId == null || campaignId.isBlank()) {
            throw DomainException.blank("campaignId");
        }
        Program before = lockedProgram(tx, id);
        Optional<Program> holder = programs.bySfdcCampaignId(tx, campaignId);
        if (holder.isPresent() && holder.get().id() != id) {
            throw DomainException.conflict("campaignId: campaign " + campaignId + " is already linked to program '"
                    + holder.get().name() + "' (" + holder.get().id() + ")");
        }
        Instant now = Timestamps.now(clock);
        programs.setSfdcCampaign(tx, id, campaignId, campaignName, now);
        Program after = programs.byId(tx, id).orElseThrow();
        notify(tx, new ProgramChange(before, after, now));
        return after;
    }

    /** Removes the program's campaign link within the caller's transaction; deletes nothing else. */
    public Program unlinkSalesforceCampaign(Handle tx, long id) {
        Program before = lockedProgram(tx, id);
        Instant now = Timestamps.now(clock);
        programs.setSfdcCampaign(tx, id, null, null, now);
        Program after = programs.byId(tx, id).orElseThrow();
        notify(tx, new ProgramChange(before, after, now));
        return after;
    }

    /** Channels in id order: {@code maxReturn} (1..200) from {@code offset}. */
    public List<Channel> channels(int maxReturn, int offset) {
        Batches.requirePageSize("maxReturn", maxReturn, MAX_RETURN);
        if (offset < 0) {
            throw DomainException.invalid("offset: must be 0 or more, was " + offset);
        }
        return jdbi.withHandle(h -> channels.list(h, maxReturn, offset)).stream().map(StoredChannel::channel).toList();
    }

    /** The channel with exactly this name. */
    public Optional<Channel> channelByName(String name) {
        return jdbi.withHandle(h -> channels.byName(h, name)).map(StoredChannel::channel);
    }

    /**
     * Adds a channel (admin action): "Not in Program" is added at step 0 when missing. Refuses a taken name or
     * an invalid progression. One transaction.
     */
    public Channel createChannel(String name, ProgramType applicableProgramType, List<ProgressionStatus> statuses) {
        Channel channel;
        try {
            channel = new Channel(0, name == null ? null : name.trim(), applicableProgramType, statuses);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
        try {
            return jdbi.inTransaction(tx -> {
                if (channels.byName(tx, channel.name()).isPresent()) {
                    throw DomainException.conflict("name: a channel named '" + channel.name() + "' already exists");
                }
                return channels.insert(tx, channel, Timestamps.now(clock)).channel();
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw DomainException.conflict("name: a channel named '" + channel.name() + "' already exists");
            }
            throw e;
        }
    }

    /** The channel a program uses, with status ids. */
    public StoredChannel channelOf(Handle handle, long programId) {
        return channels.byId(handle, programs.channelId(handle, programId)).orElseThrow();
    }

    private Program lockedProgram(Handle tx, long id) {
        if (!programs.lock(tx, id)) {
            throw DomainException.notFound("programId: no program with id " + id);
        }
        return programs.byId(tx, id).orElseThrow();
    }

    // The name check inside the transaction cannot see a concurrent writer's uncommitted row; the unique
    // constraint catches that race, and the caller still gets the same clear refusal.
    private static Program uniqueName(String name, Supplier<Program> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw DomainException.conflict("name: a program named '" + name + "' already exists");
            }
            throw e;
        }
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw DomainException.blank("name");
        }
        try {
            return Program.requireName(name);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
    }

    private void notify(Handle tx, ProgramChange change) {
        for (ProgramChangeListener listener : listeners) {
            listener.onChange(tx, change);
        }
    }
}
