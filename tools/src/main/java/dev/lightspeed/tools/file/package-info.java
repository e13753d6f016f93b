/**
 * The file operations behind both tool dialects: read, write, edit, apply_patch, glob, grep and list, each with
 * its request record and documented output format.
 */
package dev.lightspeed.tools.file;
