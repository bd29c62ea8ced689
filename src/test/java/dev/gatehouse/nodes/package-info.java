/** Several Gatehouse nodes on one database: what one writes, the others see. */
package dev.gatehouse.nodes;
