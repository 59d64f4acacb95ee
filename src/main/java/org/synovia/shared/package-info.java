/**
 * Clinical vocabulary and small helpers every module may use: sides, guidance modalities, sex,
 * antithrombotic drugs, the clock, and the shape of a validation problem. Depends on no module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.synovia.shared;
