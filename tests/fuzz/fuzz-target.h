/* fuzz-target.h: what every fuzz target provides, for libFuzzer or for
 * fuzz-replay.c, which runs the saved inputs in builds without clang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include "content/ldn-content-store.h"
#include "user/ldn-user-store.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* A user store in a private temporary folder, emptied for each input. */
LdnUserStore *fuzz_user_store (void);
/* The shipped content, from $LDN_GUIDE_CONTENT; aborts without it. */
LdnContentStore *fuzz_content_store (void);
