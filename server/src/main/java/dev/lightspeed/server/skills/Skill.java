package dev.lightspeed.server.skills;

import dev.lightspeed.store.vfs.VfsPath;
import java.util.Optional;

/** A discovered skill: its id (the name from its front matter), what it is for, and where its SKILL.md is. */
record Skill(String id, String description, Optional<String> shortDescription, VfsPath file) {}
