/** The file-system profile store: one small JSON record per profile under the store root. */
package dev.lightspeed.store.profile.fs;
