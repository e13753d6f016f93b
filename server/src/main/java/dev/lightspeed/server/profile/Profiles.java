package dev.lightspeed.server.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.profile.AgentProfile;
import dev.lightspeed.api.profile.AgentProfileInput;
import dev.lightspeed.api.profile.AgentProfileSummary;
import dev.lightspeed.api.profile.ProfileInstructions;
import dev.lightspeed.api.profile.ProfileSource;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.runtime.local.InputItems;
import dev.lightspeed.server.projection.EngineJson;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.server.session.SessionConfigs;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.profile.Profile;
import dev.lightspeed.store.profile.ProfileId;
import dev.lightspeed.store.profile.ProfileStore;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway's view of the universe's profiles: checks the documents clients write, turns stored profiles
 * into wire views, and resolves a {@link ProfileSource} into what applying it means for a session. The store
 * keeps a profile's document exactly as accepted here: every {@code AgentProfileInput} member but the id.
 * Thread-safe.
 */
public final class Profiles {
  /** The context key of a profile's instruction layer; sorts after {@code instructions.default}. */
  public static final String INSTRUCTIONS_KEY = "instructions.profile";
  /** Longest profile instruction text, in characters (as for one instruction file). */
  public static final int MAX_INSTRUCTION_CHARS = 64 * 1024;
  /** Longest display name, in characters. */
  public static final int MAX_DISPLAY_NAME = 256;
  /** Longest description, in characters. */
  public static final int MAX_DESCRIPTION = 4096;

  private final UniverseId universe;
  private final ProfileStore store;
  private final BlobStore blobs;
  private final Json.Obj defaultModel;

  /** @param defaultModel the model used to check a profile config that names none */
  public Profiles(UniverseId universe, ProfileStore store, BlobStore blobs, Json.Obj defaultModel) {
    this.universe = Objects.requireNonNull(universe, "universe");
    this.store = Objects.requireNonNull(store, "store");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.defaultModel = Objects.requireNonNull(defaultModel, "defaultModel");
  }

  public UniverseId universe() {
    return universe;
  }

  public ProfileStore store() {
    return store;
  }

  /** {@return {@code raw} as a profile id} @throws RpcException (invalid params) quoting it when malformed */
  public static ProfileId id(String raw) {
    if (!ProfileId.isValid(raw)) {
      throw RpcException.invalidParams("invalid profileId \"" + raw + "\": expected 1-128 of [A-Za-z0-9._-], starting with a letter or digit");
    }
    return ProfileId.of(raw);
  }

  /** {@return the stored profile} @throws RpcException (not found) when the universe has none with this id */
  public Profile read(ProfileId id) {
    return store.find(universe, id).orElseThrow(() -> notFound(id));
  }

  /** {@return the error for a profile that does not exist} */
  public static RpcException notFound(ProfileId id) {
    return RpcException.notFound("profile \"" + id + "\" does not exist; create it with profiles/create, or list profiles with profiles/list");
  }

  /**
   * {@return the document to store for {@code input}: its members but the id}
   *
   * @throws RpcException (invalid params) when a member is not acceptable
   */
  public Json.Obj document(AgentProfileInput input) {
    ObjectNode tree = (ObjectNode) ApiJson.toTree(input);
    tree.remove("profileId");
    return checked(tree, "profile");
  }

  /** {@return the wire view of a stored profile} */
  public static AgentProfile view(Profile profile) {
    ObjectNode tree = EngineJson.toTree(profile.document());
    tree.put("profileId", profile.id().value());
    tree.put("revision", profile.revision());
    tree.put("createdAtMs", profile.createdAtMs());
    tree.put("updatedAtMs", profile.updatedAtMs());
    return decode(tree, AgentProfile.class);
  }

  /** {@return the {@code profiles/list} line of a stored profile} */
  public static AgentProfileSummary summary(Profile profile) {
    Json.Obj d = profile.document();
    return new AgentProfileSummary(profile.id().value(), d.findString("displayName").orElse(null),
        d.findString("description").orElse(null), profile.revision(), profile.updatedAtMs());
  }

  /**
   * {@return what applying {@code source} does}: a named profile is read from the store as it is now, an inline
   * one is checked like a stored one; instruction text is put into the blob store.
   *
   * @throws RpcException (not found) for a named profile that does not exist or instructions whose blob is
   *     missing, (invalid params) for an inline profile that is not acceptable
   */
  public ResolvedProfile resolve(ProfileSource source) {
    Json.Obj document = switch (source) {
      case ProfileSource.Named named -> read(id(named.profileId())).document();
      case ProfileSource.Inline inline -> checked((ObjectNode) ApiJson.toTree(inline.profile()), "profile");
    };
    Optional<ContextItem> instructions = Optional.empty();
    if (document.find("instructions").orElse(null) instanceof Json.Obj stored) {
      instructions = Optional.of(instructionItem(decode(EngineJson.toTree(stored), ProfileInstructions.class)));
    }
    return new ResolvedProfile(document.findObject("config"), instructions);
  }

  /** {@return the instruction layer of {@code instructions}, its text in the blob store} */
  private ContextItem instructionItem(ProfileInstructions instructions) {
    byte[] bytes;
    BlobRef ref;
    switch (instructions) {
      case ProfileInstructions.Text text -> {
        bytes = text.text().getBytes(StandardCharsets.UTF_8);
        ref = blobs.put(universe, bytes);
      }
      case ProfileInstructions.TextRef textRef -> {
        ref = storedBlob(textRef.blobRef());
        bytes = blobs.read(universe, ref);
      }
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return new ContextItem(INSTRUCTIONS_KEY, EntryKind.INSTRUCTIONS, EntryRole.SYSTEM, ref, "text/markdown", null,
        InputItems.preview(text), Math.max(1, bytes.length / 4), null, false);
  }

  /** Checks the members of a profile document and {@return it as an engine document} */
  private Json.Obj checked(ObjectNode tree, String what) {
    if (tree.hasNonNull("environment")) {
      throw RpcException.invalidParams(what + ".environment is not supported by this server: it has no environments to activate or "
          + "provision; remove the environment section");
    }
    tree.remove("environment");
    length(tree, "displayName", MAX_DISPLAY_NAME, what);
    length(tree, "description", MAX_DESCRIPTION, what);
    if (tree.get("config") instanceof ObjectNode config) {
      try {
        SessionConfigs.prepare(config, defaultModel);
      } catch (RpcException e) {
        throw RpcException.invalidParams(what + ".config: " + e.error().message());
      }
    }
    JsonNode instructions = tree.get("instructions");
    if (instructions != null && !instructions.isNull()) {
      switch (decode(instructions, ProfileInstructions.class)) {
        case ProfileInstructions.Text text -> {
          if (text.text().length() > MAX_INSTRUCTION_CHARS) {
            throw RpcException.invalidParams(what + ".instructions are " + text.text().length() + " characters long; at most "
                + MAX_INSTRUCTION_CHARS + " are allowed");
          }
        }
        case ProfileInstructions.TextRef textRef -> {
          long size = blobs.stat(universe, storedBlob(textRef.blobRef())).orElseThrow().size();
          if (size > 4L * MAX_INSTRUCTION_CHARS) {
            throw RpcException.invalidParams(what + ".instructions blob " + textRef.blobRef() + " holds " + size + " bytes; at most "
                + 4L * MAX_INSTRUCTION_CHARS + " are allowed");
          }
        }
      }
    }
    return EngineJson.fromTree(tree);
  }

  private BlobRef storedBlob(String text) {
    BlobRef ref = BlobRef.parseOrNull(text);
    if (ref == null) {
      throw RpcException.invalidParams("instructions.blobRef \"" + text + "\" is not a blob ref (expected sha256:<64 lowercase hex>)");
    }
    if (!blobs.has(universe, ref)) {
      throw RpcException.notFound("the profile's instructions blob " + ref + " is not stored; upload it with blobs/put first");
    }
    return ref;
  }

  private static void length(ObjectNode tree, String member, int max, String what) {
    JsonNode value = tree.get(member);
    if (value != null && value.isTextual() && value.asText().length() > max) {
      throw RpcException.invalidParams(what + "." + member + " is " + value.asText().length() + " characters long; at most " + max
          + " are allowed");
    }
  }

  private static <T> T decode(JsonNode tree, Class<T> type) {
    try {
      return ApiJson.mapper().treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored profile does not decode as " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }
}
